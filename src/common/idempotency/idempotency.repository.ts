import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export type ClaimResult = { claimed: ClaimHandle } | { existing: IdempotencyKeyEntity };

export interface ClaimHandle {
  id: string;
  token: string;
}

export interface Claim {
  owner: string;
  key: string;
  fingerprint: Buffer;
  ttlSeconds: number;
  /** A running claim older than this is taken over: its work never committed. */
  abandonedAfterSeconds: number;
}

@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the key for this request, or returns the row that holds it. Expired rows and running
   * claims whose request died are replaced; both are safe to replace because completion commits
   * with the work.
   */
  async claim(claim: Claim): Promise<ClaimResult> {
    const params = [claim.owner, claim.key, claim.fingerprint, claim.ttlSeconds];
    const [claimed]: { id: string; claim_token: string }[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (owner, key, fingerprint, claim_token, state, expires_at)
       VALUES ($1, $2, $3, gen_random_uuid(), 'running', now() + make_interval(secs => $4))
       ON CONFLICT (owner, key) DO UPDATE
          SET fingerprint = EXCLUDED.fingerprint, claim_token = EXCLUDED.claim_token,
              state = 'running', response_status = NULL,
              response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
        WHERE idempotency_keys.expires_at <= now()
           OR (idempotency_keys.state = 'running'
               AND idempotency_keys.created_at <= now() - make_interval(secs => $5))
       RETURNING id, claim_token`,
      [...params, claim.abandonedAfterSeconds],
    );
    if (claimed) return { claimed: { id: claimed.id, token: claimed.claim_token } };
    const existing = await this.dataSource
      .getRepository(IdempotencyKeyEntity)
      .findOneBy({ owner: claim.owner, key: claim.key });
    // The holder finished or failed between the two statements: try once more.
    return existing ? { existing } : this.claim(claim);
  }

  /** Stores the response in the work's transaction; false when another request took the claim. */
  async complete(
    manager: EntityManager,
    claim: ClaimHandle,
    status: number,
    body: unknown,
  ): Promise<boolean> {
    const result = await manager.update(
      IdempotencyKeyEntity,
      { id: claim.id, claimToken: claim.token, state: 'running' },
      { state: 'completed', responseStatus: status, responseBody: body as object },
    );
    return result.affected === 1;
  }

  /** A request that failed leaves nothing behind: the caller may retry with the same key. */
  async release(claim: ClaimHandle): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyKeyEntity)
      .delete({ id: claim.id, claimToken: claim.token, state: 'running' });
  }

  async deleteExpired(): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(IdempotencyKeyEntity)
      .where('expires_at <= now()')
      .execute();
    return result.affected ?? 0;
  }
}
