import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { IdempotencyRepository } from './idempotency.repository';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** In the worker role: deletes Idempotency-Keys past their 24 hours, once an hour. */
@Injectable()
export class IdempotencySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencySweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: IdempotencyRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      const deleted = await this.keys.deleteExpired();
      if (deleted > 0) this.logger.log(`Deleted ${deleted} expired idempotency keys`);
    } catch (error) {
      this.logger.warn(`Could not sweep idempotency keys: ${String(error)}`);
    }
  }
}
