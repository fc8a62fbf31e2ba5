import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { ProblemException } from '../common/problem/problem.exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.constants';

/** A walk's snapshot lives this long after it starts: long enough to work down a queue. */
const WALK_TTL_SECONDS = 30 * 60;
const ID_BYTES = 16;

/**
 * Snapshots of the queue's ranking, one per walk: the case ids in rank order as it stood when
 * the walk began, 16 bytes each, in one Redis string. Every page of the walk is a slice of it,
 * so priorities that change meanwhile neither repeat a case nor skip one, and a page deep in
 * the queue costs what the first does.
 */
@Injectable()
export class QueueWalks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Keeps `rankedIds` (16-byte ids, concatenated) as a new walk; returns its id. */
  async start(rankedIds: Buffer): Promise<string> {
    const walkId = randomUUID();
    await this.unlessRedisIsDown(
      this.redis.set(this.key(walkId), rankedIds, 'EX', WALK_TTL_SECONDS),
    );
    return walkId;
  }

  /** `limit` ids from `offset`, and how many the walk holds; 409 once the walk has expired. */
  async slice(
    walkId: string,
    offset: number,
    limit: number,
  ): Promise<{ ids: string[]; total: number }> {
    const key = this.key(walkId);
    const [bytes, total] = await this.unlessRedisIsDown(
      Promise.all([
        this.redis.getrangeBuffer(key, offset * ID_BYTES, (offset + limit) * ID_BYTES - 1),
        this.redis.strlen(key),
      ]),
    );
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
