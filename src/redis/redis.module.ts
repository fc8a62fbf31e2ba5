import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EvictionPolicyCheck } from './eviction-policy-check.service';
import { logRedisErrors } from './redis-error-log';
import { REDIS } from './redis.constants';

/**
 * One shared client for counters and checks. Commands fail at once while Redis is down instead of
 * queueing, so callers (rate limits, readiness) can fall back or report it.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const redis = new Redis(config.redis.url, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
        });
        logRedisErrors('shared client', redis);
        return redis;
      },
    },
    EvictionPolicyCheck,
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
