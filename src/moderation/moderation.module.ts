import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CasesModule } from '../cases/cases.module';
import { IntelModule } from '../intel/intel.module';
import { CaseMovesService } from './case-moves.service';
import { ClaimsService } from './claims.service';
import { ModerationController } from './moderation.controller';
import { QueueController } from './queue.controller';
import { QueueRankerService } from './queue-ranker.service';
import { QueueReadsRepository } from './queue-reads.repository';
import { QueueService } from './queue.service';
import { QueueWalks } from './queue-walks';
import { ReplyTemplatesController } from './templates/reply-templates.controller';
import { ReplyTemplatesRepository } from './templates/reply-templates.repository';
import { ReplyTemplatesService } from './templates/reply-templates.service';

@Module({
  imports: [AccountsModule, CasesModule, IntelModule],
  controllers: [ModerationController, QueueController, ReplyTemplatesController],
  providers: [
    ClaimsService,
    CaseMovesService,
    QueueRankerService,
    QueueReadsRepository,
    QueueService,
    QueueWalks,
    ReplyTemplatesService,
    ReplyTemplatesRepository,
  ],
})
export class ModerationModule {}
