import { Queue, QueueOptions } from 'bullmq';
import { logRedisErrors } from '../redis/redis-error-log';

/**
 * The queue @nestjs/bullmq creates for each registered name, with its error listener attached
 * as it is built: an error before one is attached goes to stderr.
 */
export class LoggedQueue extends Queue {
  constructor(name: string, options: QueueOptions) {
    super(name, options);
    logRedisErrors(`queue ${name}`, this, this.getBackend());
  }
}
