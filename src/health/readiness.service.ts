import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { withTimeout } from '../common/with-timeout';
import { REDIS } from '../redis/redis.constants';

const CHECK_TIMEOUT_MS = 2_000;

export type CheckState = 'up' | 'down';

@Injectable()
export class ReadinessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<{ database: CheckState; redis: CheckState }> {
    const [database, redis] = await Promise.all([
      this.probe(() => this.dataSource.query('SELECT 1')),
      this.probe(() => this.redis.ping()),
    ]);
    return { database, redis };
  }

  private async probe(run: () => Promise<unknown>): Promise<CheckState> {
    try {
      await withTimeout(run(), CHECK_TIMEOUT_MS, 'timed out');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
