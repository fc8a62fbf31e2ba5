import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { RateLimitedProblem } from '../common/problem/problem.exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';

/**
 * Counts failed sign-ins per IP and per account in Redis. While Redis is down each process falls
 * back to counting in memory, so the limit weakens but sign-in keeps working.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perIp: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;
  private readonly memoryPerIp: RateLimiterMemory;
  private readonly memoryPerAccount: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: Redis) {
    const { maxFailuresPerIp, maxFailuresPerAccount, windowSeconds } = config.auth.login;
    const prefix = `${config.redis.keyPrefix}:login-fail`;
    this.memoryPerIp = new RateLimiterMemory({ points: maxFailuresPerIp, duration: windowSeconds });
    this.memoryPerAccount = new RateLimiterMemory({
      points: maxFailuresPerAccount,
      duration: windowSeconds,
    });
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:ip`,
      points: maxFailuresPerIp,
      duration: windowSeconds,
      insuranceLimiter: this.memoryPerIp,
    });
    this.perAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:account`,
      points: maxFailuresPerAccount,
      duration: windowSeconds,
      insuranceLimiter: this.memoryPerAccount,
    });
  }

  /** Throws 429 with Retry-After when this IP or this account has used up its failures. */
  async assertAllowed(ip: string, email: string): Promise<void> {
    const [byIp, byAccount] = await Promise.all([
      this.read(this.perIp, this.memoryPerIp, ip),
      this.read(this.perAccount, this.memoryPerAccount, email),
    ]);
    const blocked = [byIp, byAccount].filter(
      (state): state is RateLimiterRes => state !== null && state.remainingPoints <= 0,
    );
    if (blocked.length > 0) {
      const waitMs = Math.max(...blocked.map((state) => state.msBeforeNext));
      throw new RateLimitedProblem(
        waitMs / 1000,
        'Too many failed sign-in attempts; try again later.',
      );
    }
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    await Promise.all([
      this.perIp.penalty(ip, 1).catch(() => undefined),
      this.perAccount.penalty(email, 1).catch(() => undefined),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await Promise.all([
      this.perAccount.delete(email).catch(() => undefined),
      this.memoryPerAccount.delete(email),
    ]);
  }

  private async read(
    limiter: RateLimiterAbstract,
    fallback: RateLimiterMemory,
    key: string,
  ): Promise<RateLimiterRes | null> {
    try {
      return await limiter.get(key);
    } catch {
      return fallback.get(key);
    }
  }
}
