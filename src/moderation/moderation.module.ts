import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CasesModule } from '../cases/cases.module';
import { IntelModule } from '../intel/intel.module';
import { CaseMovesService } from './case-moves.service';
import { ClaimsService } from './claims.service';
import { EvidenceModule } from '../evidence/evidence.module';
import { ModerationCaseController } from './moderation-case.controller';
import { ModerationCaseService } from './moderation-case.service';
import { ModerationController } from './moderation.controller';
import { ModerationStatsController } from './moderation-stats.controller';
import { ModerationStatsRepository } from './moderation-stats.repository';
import { ModerationStatsService } from './moderation-stats.service';
import { ReporterRecordsRepository } from './reporter-records.repository';
import { ServiceLevelsService } from './service-levels.service';
import { QueueController } from './queue.controller';
import { QueueRankerService } from './queue-ranker.service';
import { QueueReadsRepository } from './queue-reads.repository';
import { QueueService } from './queue.service';
import { QueueFiguresCache } from './queue-figures-cache';
import { QueueWalks } from './queue-walks';
import { ReplyTemplatesController } from './templates/reply-templates.controller';
import { ReplyTemplatesRepository } from './templates/reply-templates.repository';
import { ReplyTemplatesService } from './templates/reply-templates.service';

@Module({
  imports: [AccountsModule, CasesModule, EvidenceModule, IntelModule],
  controllers: [
    ModerationController,
    ModerationCaseController,
    ModerationStatsController,
    QueueController,
    ReplyTemplatesController,
  ],
  providers: [
    ClaimsService,
    CaseMovesService,
    QueueRankerService,
    QueueReadsRepository,
    QueueService,
    QueueWalks,
    QueueFiguresCache,
    ReplyTemplatesService,
    ReplyTemplatesRepository,
    ModerationCaseService,
    ReporterRecordsRepository,
    ServiceLevelsService,
    ModerationStatsService,
    ModerationStatsRepository,
  ],
  exports: [
    ModerationStatsRepository,
    QueueService,
    ClaimsService,
    CaseMovesService,
    ModerationCaseService,
    ModerationStatsService,
    ReplyTemplatesService,
  ],
})
export class ModerationModule {}
