import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import Redis from 'ioredis';
import { evictionPolicyWarning } from './eviction-policy';
import { REDIS } from './redis.constants';

/** Warns at start-up, and whenever the connection comes back, if Redis may evict queued jobs. */
@Injectable()
export class EvictionPolicyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvictionPolicyCheck.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationBootstrap(): void {
    this.redis.on('ready', () => void this.check());
    if (this.redis.status === 'ready') void this.check();
  }

  async check(): Promise<string | undefined> {
    const policy = await this.policy();
    const warning = evictionPolicyWarning(policy);
    if (warning) this.logger.warn(warning);
    return warning;
  }

  /** Undefined where CONFIG is disabled, as on some hosted Redis services. */
  private async policy(): Promise<string | undefined> {
    try {
      const reply = (await this.redis.config('GET', 'maxmemory-policy')) as string[];
      return reply[1];
    } catch {
      return undefined;
    }
  }
}
