import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { GuidanceModule } from '../guidance/guidance.module';
import { IdentifiersModule } from '../identifiers/identifiers.module';
import { CaseConversationController } from './case-conversation.controller';
import { CaseConversationService } from './case-conversation.service';
import { CaseCorrectionsController } from './case-corrections.controller';
import { CaseIdentifiersService } from './case-identifiers.service';
import { CaseEventsRepository } from './case-events.repository';
import { CaseEvidenceSummaryRepository } from './case-evidence-summary.repository';
import { CaseMessagesRepository } from './case-messages.repository';
import { CasePartiesRepository } from './case-parties.repository';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CaseWriter } from './case-writer';
import { CaseChangesRepository } from './case-changes.repository';

@Module({
  imports: [AccountsModule, GuidanceModule, IdentifiersModule],
  controllers: [CasesController, CaseConversationController, CaseCorrectionsController],
  providers: [
    CasesService,
    CaseIdentifiersService,
    CaseWriter,
    CaseChangesRepository,
    CaseConversationService,
    CasesRepository,
    CasePartiesRepository,
    CaseEventsRepository,
    CaseMessagesRepository,
    CaseEvidenceSummaryRepository,
  ],
  exports: [
    CasesService,
    CasesRepository,
    CaseWriter,
    CasePartiesRepository,
    CaseMessagesRepository,
    CaseConversationService,
    CaseIdentifiersService,
  ],
})
export class CasesModule {}
