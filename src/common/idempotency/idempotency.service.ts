import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemException } from '../problem/problem.exception';
import { requestFingerprint } from './fingerprint';
import { IdempotencyRepository } from './idempotency.repository';

const KEY_TTL_SECONDS = 24 * 60 * 60;
const ABANDONED_AFTER_SECONDS = 5 * 60;

export interface IdempotentRequest {
  /** Who sent it: keys of different callers never meet. */
  owner: string;
  key: string | undefined;
  /** The operation, e.g. `POST /v1/cases`; the same key on another operation is another body. */
  operation: string;
  /** The validated input. */
  payload: unknown;
}

export interface Outcome<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Idempotency-Key as the IETF draft has it: the same key and body give the first response again,
 * the same key with another body is 422, and a retry while the first request runs is 409.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IdempotencyRepository,
  ) {}

  /** Runs `work` in a transaction once per key; its response is stored in that transaction. */
  async run<T>(
    request: IdempotentRequest,
    status: number,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<Outcome<T>> {
    if (request.key === undefined) {
      return { status, body: await this.dataSource.transaction(work), replayed: false };
    }
    const fingerprint = requestFingerprint(request.operation, request.payload);
    const claim = await this.keys.claim({
      owner: request.owner,
      key: request.key,
      fingerprint,
      ttlSeconds: KEY_TTL_SECONDS,
      abandonedAfterSeconds: ABANDONED_AFTER_SECONDS,
    });
    if ('existing' in claim) {
      const existing = claim.existing;
      if (!existing.fingerprint.equals(fingerprint)) {
        throw new ProblemException(
          422,
          'This Idempotency-Key was already used with a different request; use a new key.',
        );
      }
      if (existing.state === 'running') {
        throw new ProblemException(
          409,
          'A request with this Idempotency-Key is still being processed; retry shortly.',
          [],
          { 'Retry-After': '1' },
        );
      }
      return {
        status: existing.responseStatus ?? status,
        body: existing.responseBody as T,
        replayed: true,
      };
    }
    try {
      const body = await this.dataSource.transaction(async (manager) => {
        const result = await work(manager);
        if (!(await this.keys.complete(manager, claim.claimed, status, result))) {
          // Taken over as abandoned while this request was stuck: the new holder does the work.
          throw new ProblemException(
            409,
            'This request took too long and was superseded by a retry with the same Idempotency-Key.',
          );
        }
        return result;
      });
      return { status, body, replayed: false };
    } catch (error) {
      await this.keys.release(claim.claimed);
      throw error;
    }
  }
}
