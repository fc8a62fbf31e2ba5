import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.constants';
import { consumeAllowance } from './consume-allowance';

/**
 * Counts sign-ups per IP, successful or not: each costs an argon2 hash, and counting the refused
 * ones too bounds how fast one IP can learn which emails have accounts from the 409.
 */
@Injectable()
export class RegistrationRateLimiter {
  private readonly perIp: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: Redis) {
    const { maxPerIp, windowSeconds } = config.auth.registration;
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redis.keyPrefix}:register:ip`,
      points: maxPerIp,
      duration: windowSeconds,
      insuranceLimiter: new RateLimiterMemory({ points: maxPerIp, duration: windowSeconds }),
    });
  }

  /** Takes one sign-up from this IP's allowance, or throws 429 with Retry-After. */
  reserve(ip: string): Promise<void> {
    return consumeAllowance(
      this.perIp,
      ip,
      'Too many sign-ups from this address; try again later.',
    );
  }
}
