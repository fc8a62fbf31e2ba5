import { Logger, LoggerService } from '@nestjs/common';
import type { EventEmitter } from 'node:events';

/** A connection retries every few hundred ms while Redis is down; a line each would bury the rest. */
export const REDIS_ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * The errors of one Redis connection as structured warnings: the first at once, then at most one
 * per interval counting those left out, and one line when the connection is ready again.
 */
export class RedisErrorLog {
  private lastWarnedAt?: number;
  private suppressed = 0;
  private failing = false;

  constructor(
    private readonly connection: string,
    private readonly logger: Pick<LoggerService, 'warn' | 'log'>,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = REDIS_ERROR_LOG_INTERVAL_MS,
  ) {}

  error(error: Error): void {
    this.failing = true;
    const now = this.now();
    if (this.lastWarnedAt !== undefined && now - this.lastWarnedAt < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    this.logger.warn(
      { connection: this.connection, suppressed: this.suppressed, err: error },
      `Redis error on ${this.connection}: ${error.message}`,
    );
    this.lastWarnedAt = now;
    this.suppressed = 0;
  }

  ready(): void {
    if (!this.failing) return;
    this.logger.log(
      { connection: this.connection, suppressed: this.suppressed },
      `Redis ready again on ${this.connection}`,
    );
    this.failing = false;
    this.lastWarnedAt = undefined;
    this.suppressed = 0;
  }
}

/**
 * Gives a Redis client, queue or worker the 'error' listener without which ioredis and BullMQ
 * print each error to stderr, outside the JSON log. BullMQ reports readiness on its backend.
 */
export function logRedisErrors(
  connection: string,
  errors: EventEmitter,
  ready: EventEmitter = errors,
): void {
  const log = new RedisErrorLog(connection, new Logger('Redis'));
  errors.on('error', (error: Error) => log.error(error));
  ready.on('ready', () => log.ready());
}
