import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.constants';
import { consumeAllowance } from './consume-allowance';

/**
 * Counts sign-in attempts per IP and per account in Redis, a successful one given back, so what
 * is counted is failures. While Redis is down each process falls back to counting in memory, so
 * the limit weakens but sign-in keeps working.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perIp: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;
  private readonly memoryPerAccount: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: Redis) {
    const { maxFailuresPerIp, maxFailuresPerAccount, windowSeconds } = config.auth.login;
    const prefix = `${config.redis.keyPrefix}:login-fail`;
    const memoryPerIp = new RateLimiterMemory({
      points: maxFailuresPerIp,
      duration: windowSeconds,
    });
    this.memoryPerAccount = new RateLimiterMemory({
      points: maxFailuresPerAccount,
      duration: windowSeconds,
    });
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:ip`,
      points: maxFailuresPerIp,
      duration: windowSeconds,
      insuranceLimiter: memoryPerIp,
    });
    this.perAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:account`,
      points: maxFailuresPerAccount,
      duration: windowSeconds,
      insuranceLimiter: this.memoryPerAccount,
    });
  }

  /**
   * Takes one attempt from this IP's and this account's allowance before the password is
   * checked, or throws 429 with Retry-After when either is used up. Taking and checking the
   * allowance is one atomic step in Redis, so however many attempts arrive at once, no more than
   * the limit are ever verified. A successful sign-in gives the attempt back.
   */
  async reserveAttempt(ip: string, email: string): Promise<void> {
    await this.consume(this.perAccount, email);
    try {
      await this.consume(this.perIp, ip);
    } catch (error) {
      await this.perAccount.reward(email, 1).catch(() => undefined);
      throw error;
    }
  }

  async recordSuccess(ip: string, email: string): Promise<void> {
    await Promise.all([
      this.perIp.reward(ip, 1).catch(() => undefined),
      this.perAccount.delete(email).catch(() => undefined),
      this.memoryPerAccount.delete(email),
    ]);
  }

  private consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
    return consumeAllowance(limiter, key, 'Too many failed sign-in attempts; try again later.');
  }
}
