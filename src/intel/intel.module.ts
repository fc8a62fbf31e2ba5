import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OffenderLinkerService } from './linking/offender-linker.service';
import { OffenderLinksRepository } from './linking/offender-links.repository';
import { OffenderFactsRepository } from './offenders/offender-facts.repository';
import { OffenderFactsService } from './offenders/offender-facts.service';
import { OffenderReadsRepository } from './offenders/offender-reads.repository';
import { OffendersController } from './offenders/offenders.controller';
import { OffendersService } from './offenders/offenders.service';

@Module({
  imports: [CasesModule],
  controllers: [OffendersController],
  providers: [
    OffendersService,
    OffenderReadsRepository,
    OffenderLinkerService,
    OffenderLinksRepository,
    OffenderFactsService,
    OffenderFactsRepository,
  ],
})
export class IntelModule {}
