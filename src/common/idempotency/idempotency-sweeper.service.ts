import { Injectable, Logger } from '@nestjs/common';
import { JobName } from '../../jobs/job-names';
import { OnJob } from '../../jobs/on-job.decorator';
import { IdempotencyRepository } from './idempotency.repository';

/** Deletes Idempotency-Keys past their 24 hours, as a scheduled job (SCHEDULE_OF_JOB). */
@Injectable()
export class IdempotencySweeper {
  private readonly logger = new Logger(IdempotencySweeper.name);

  constructor(private readonly keys: IdempotencyRepository) {}

  @OnJob(JobName.SweepIdempotencyKeys)
  async sweepJob(): Promise<void> {
    await this.sweep();
  }

  async sweep(): Promise<number> {
    const deleted = await this.keys.deleteExpired();
    if (deleted > 0) this.logger.log(`Deleted ${deleted} expired idempotency keys`);
    return deleted;
  }
}
