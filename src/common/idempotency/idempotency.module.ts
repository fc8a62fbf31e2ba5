import { Global, Module } from '@nestjs/common';
import { IdempotencySweeper } from './idempotency-sweeper.service';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';

@Global()
@Module({
  providers: [IdempotencyService, IdempotencyRepository, IdempotencySweeper],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
