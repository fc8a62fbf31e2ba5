import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { CaseFilingController } from './case-filing.controller';
import { FilingService } from './filing.service';

@Module({
  imports: [CasesModule, EvidenceModule],
  controllers: [CaseFilingController],
  providers: [FilingService],
  exports: [FilingService],
})
export class FilingModule {}
