import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { WorkerChore } from '../../jobs/worker-chore';
import { IdempotencyRepository } from './idempotency.repository';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** In the worker role: deletes Idempotency-Keys past their 24 hours, once an hour. */
@Injectable()
export class IdempotencySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencySweeper.name);
  private readonly chore = new WorkerChore(IdempotencySweeper.name, SWEEP_EVERY_MS, () =>
    this.sweep(),
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: IdempotencyRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.chore.start(this.config.role);
  }

  onApplicationShutdown(): void {
    this.chore.stop();
  }

  async sweep(): Promise<number> {
    const deleted = await this.keys.deleteExpired();
    if (deleted > 0) this.logger.log(`Deleted ${deleted} expired idempotency keys`);
    return deleted;
  }
}
