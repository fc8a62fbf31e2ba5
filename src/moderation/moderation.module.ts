import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CasesModule } from '../cases/cases.module';
import { CaseMovesService } from './case-moves.service';
import { ClaimsService } from './claims.service';
import { ModerationController } from './moderation.controller';

@Module({
  imports: [AccountsModule, CasesModule],
  controllers: [ModerationController],
  providers: [ClaimsService, CaseMovesService],
})
export class ModerationModule {}
