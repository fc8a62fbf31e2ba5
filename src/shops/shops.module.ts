import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ShopsController } from './shops.controller';
import { ShopsRepository } from './shops.repository';
import { ShopsService } from './shops.service';

@Module({
  imports: [AccountsModule],
  controllers: [ShopsController],
  providers: [ShopsService, ShopsRepository],
  exports: [ShopsRepository],
})
export class ShopsModule {}
