import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProblemException } from '../common/problem/problem.exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.constants';

/** A walk's snapshot lives this long after it starts: long enough to work down a queue. */
const WALK_TTL_SECONDS = 30 * 60;
const ID_BYTES = 16;
/** How long a walk's ranking may take to arrive, and how often a next page looks for it. */
const PENDING_TTL_SECONDS = 60;
const PENDING_WAIT_MS = 5_000;
const PENDING_POLL_MS = 20;
/**
 * How long a walk's ranking is shared with walks begun after it under the same filter: each
 * follows a ranking at most this old, and moderators opening the queue together share one.
 */
const SHARE_SECONDS = 5;

/**
 * Snapshots of the queue's ranking, one per walk: the case ids in rank order as it stood when
 * the walk began, 16 bytes each, in one Redis string. Every page of the walk is a slice of it,
 * so priorities that change meanwhile neither repeat a case nor skip one, and a page deep in
 * the queue costs what the first does. The first page is answered before the whole ranking is
 * kept (both read one database snapshot); a next page arriving sooner waits for it.
 */
@Injectable()
export class QueueWalks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** A new walk, its ranking on its way: pages after the first wait for it a little. */
  async begin(): Promise<string> {
    const walkId = randomUUID();
    await this.unlessRedisIsDown(
      this.redis.set(this.pendingKey(walkId), '1', 'EX', PENDING_TTL_SECONDS),
    );
    return walkId;
  }

  /**
   * Keeps the walk's ranking (16-byte ids, concatenated), and offers it for SHARE_SECONDS to
   * walks begun under the same filter.
   */
  async store(walkId: string, rankedIds: Buffer, filter: unknown): Promise<void> {
    await this.redis
      .multi()
      .set(this.key(walkId), rankedIds, 'EX', WALK_TTL_SECONDS)
      .del(this.pendingKey(walkId))
      .set(this.sharedKey(filter), walkId, 'EX', SHARE_SECONDS)
      .exec();
  }

  /** A walk under `filter` kept in the last SHARE_SECONDS, if any; without Redis, none. */
  async recent(filter: unknown): Promise<string | null> {
    const walkId = await this.redis.get(this.sharedKey(filter)).catch(() => null);
    if (!walkId) return null;
    const kept = await this.redis.exists(this.key(walkId)).catch(() => 0);
    return kept ? walkId : null;
  }

  /** A walk whose ranking could not be kept: its next page is told it expired. */
  async abandon(walkId: string): Promise<void> {
    await this.redis.del(this.pendingKey(walkId));
  }

  /** `limit` ids from `offset`, and how many the walk holds; 409 once the walk has expired. */
  async slice(
    walkId: string,
    offset: number,
    limit: number,
  ): Promise<{ ids: string[]; total: number }> {
    const key = this.key(walkId);
    const read = () =>
      this.unlessRedisIsDown(
        Promise.all([
          this.redis.getrangeBuffer(key, offset * ID_BYTES, (offset + limit) * ID_BYTES - 1),
          this.redis.strlen(key),
          this.redis.exists(this.pendingKey(walkId)),
        ]),
      );
    let [bytes, total, pending] = await read();
    for (const waitUntil = Date.now() + PENDING_WAIT_MS; total === 0 && pending;) {
      if (Date.now() > waitUntil) break;
      await sleep(PENDING_POLL_MS);
      [bytes, total, pending] = await read();
    }
    if (total === 0) {
      throw new ProblemException(
        409,
        'This walk of the queue has expired; start again from its first page.',
      );
    }
    const ids: string[] = [];
    for (let at = 0; at + ID_BYTES <= bytes.length; at += ID_BYTES) {
      ids.push(uuidOf(bytes.subarray(at, at + ID_BYTES)));
    }
    return { ids, total: total / ID_BYTES };
  }

  private key(walkId: string): string {
    return `${this.config.redis.keyPrefix}:queue-walk:${walkId}`;
  }

  private sharedKey(filter: unknown): string {
    const digest = createHash('sha256').update(JSON.stringify(filter)).digest('hex');
    return `${this.config.redis.keyPrefix}:queue-ranking:${digest}`;
  }

  private pendingKey(walkId: string): string {
    return `${this.key(walkId)}:pending`;
  }

  private async unlessRedisIsDown<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch {
      throw new ProblemException(
        503,
        'The queue cannot be walked while Redis is unreachable.',
        [],
        {
          'Retry-After': '5',
        },
      );
    }
  }
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
