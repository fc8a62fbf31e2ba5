import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { IdentifiersModule } from '../identifiers/identifiers.module';
import { CampaignDetectorService } from './campaigns/campaign-detector.service';
import { CampaignReadsRepository } from './campaigns/campaign-reads.repository';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsRepository } from './campaigns/campaigns.repository';
import { CampaignsService } from './campaigns/campaigns.service';
import { LikelyDuplicatesRepository } from './duplicates/likely-duplicates.repository';
import { LikelyDuplicatesService } from './duplicates/likely-duplicates.service';
import { EvidenceTextReaderService } from './extraction/evidence-text-reader.service';
import { EvidenceTextRepository } from './extraction/evidence-text.repository';
import { OffenderLinkerService } from './linking/offender-linker.service';
import { OffenderLinksRepository } from './linking/offender-links.repository';
import { OcrService } from './ocr/ocr.service';
import { OffenderFactsRepository } from './offenders/offender-facts.repository';
import { OffenderFactsService } from './offenders/offender-facts.service';
import { OffenderReadsRepository } from './offenders/offender-reads.repository';
import { OffenderRescorerService } from './offenders/offender-rescorer.service';
import { OffenderScoresRepository } from './offenders/offender-scores.repository';
import { OffendersController } from './offenders/offenders.controller';
import { OffendersService } from './offenders/offenders.service';
import { RelatedCasesController } from './related/related-cases.controller';
import { RelatedCasesRepository } from './related/related-cases.repository';
import { RelatedCasesService } from './related/related-cases.service';
import { ScreenshotMatcherService } from './screenshots/screenshot-matcher.service';
import { ScreenshotMatchesRepository } from './screenshots/screenshot-matches.repository';
import { SightingsController } from './sightings/sightings.controller';
import { SightingsService } from './sightings/sightings.service';

@Module({
  imports: [CasesModule, EvidenceModule, IdentifiersModule],
  controllers: [
    OffendersController,
    SightingsController,
    RelatedCasesController,
    CampaignsController,
  ],
  providers: [
    OffendersService,
    OffenderReadsRepository,
    OffenderLinkerService,
    OffenderLinksRepository,
    OffenderFactsService,
    OffenderFactsRepository,
    OffenderRescorerService,
    OffenderScoresRepository,
    EvidenceTextReaderService,
    EvidenceTextRepository,
    OcrService,
    SightingsService,
    ScreenshotMatcherService,
    ScreenshotMatchesRepository,
    RelatedCasesService,
    RelatedCasesRepository,
    CampaignDetectorService,
    CampaignsRepository,
    CampaignsService,
    CampaignReadsRepository,
    LikelyDuplicatesService,
    LikelyDuplicatesRepository,
  ],
  exports: [
    OffenderFactsService,
    OffendersService,
    RelatedCasesService,
    CampaignsService,
    SightingsService,
  ],
})
export class IntelModule {}
