import { Module } from '@nestjs/common';
import { GuidanceModule } from '../guidance/guidance.module';
import { IdentifiersModule } from '../identifiers/identifiers.module';
import { CaseConversationController } from './case-conversation.controller';
import { CaseConversationService } from './case-conversation.service';
import { CaseEventsRepository } from './case-events.repository';
import { CaseEvidenceSummaryRepository } from './case-evidence-summary.repository';
import { CaseMessagesRepository } from './case-messages.repository';
import { CasePartiesRepository } from './case-parties.repository';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [GuidanceModule, IdentifiersModule],
  controllers: [CasesController, CaseConversationController],
  providers: [
    CasesService,
    CaseConversationService,
    CasesRepository,
    CasePartiesRepository,
    CaseEventsRepository,
    CaseMessagesRepository,
    CaseEvidenceSummaryRepository,
  ],
  exports: [CasesService, CasesRepository, CaseEventsRepository, CasePartiesRepository],
})
export class CasesModule {}
