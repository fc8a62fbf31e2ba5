import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.constants';

/**
 * How long the queue's counts and last-day figures are kept. Counting 100k open cases per status
 * and averaging a day's decisions costs tens of milliseconds of database work; figures a few
 * seconds old are still live for a moderator, and every walk started meanwhile shares them.
 */
const FIGURES_TTL_SECONDS = 5;

@Injectable()
export class QueueFiguresCache {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The figures under `filter`, kept or computed by `compute`; without Redis, computed. */
  async get<T>(filter: unknown, compute: () => Promise<T>): Promise<T> {
    const key = `${this.config.redis.keyPrefix}:queue-figures:${createHash('sha256')
      .update(JSON.stringify(filter))
      .digest('hex')}`;
    const kept = await this.redis.get(key).catch(() => null);
    if (kept !== null) return JSON.parse(kept) as T;
    const figures = await compute();
    await this.redis
      .set(key, JSON.stringify(figures), 'EX', FIGURES_TTL_SECONDS)
      .catch(() => undefined);
    return figures;
  }
}
