import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

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
  async claim(claim: Claim): Promise<{ claimedId: string } | { existing: IdempotencyKeyEntity }> {
    const params = [claim.owner, claim.key, claim.fingerprint, claim.ttlSeconds];
    const [claimed]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (owner, key, fingerprint, state, expires_at)
       VALUES ($1, $2, $3, 'running', now() + make_interval(secs => $4))
       ON CONFLICT (owner, key) DO UPDATE
          SET fingerprint = EXCLUDED.fingerprint, state = 'running', response_status = NULL,
              response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
        WHERE idempotency_keys.expires_at <= now()
           OR (idempotency_keys.state = 'running'
               AND idempotency_keys.created_at <= now() - make_interval(secs => $5))
       RETURNING id`,
      [...params, claim.abandonedAfterSeconds],
    );
    if (claimed) return { claimedId: claimed.id };
    const existing = await this.dataSource
      .getRepository(IdempotencyKeyEntity)
      .findOneBy({ owner: claim.owner, key: claim.key });
    // The holder finished or failed between the two statements: try once more.
    return existing ? { existing } : this.claim(claim);
  }

  async complete(manager: EntityManager, id: string, status: number, body: unknown): Promise<void> {
    await manager.update(
      IdempotencyKeyEntity,
      { id },
      { state: 'completed', responseStatus: status, responseBody: body as object },
    );
  }

  /** A request that failed leaves nothing behind: the caller may retry with the same key. */
  async release(id: string): Promise<void> {
    await this.dataSource.getRepository(IdempotencyKeyEntity).delete({ id, state: 'running' });
  }

  async deleteExpired(): Promise<number> {
    const result = await this.dataSource.query(
      'DELETE FROM idempotency_keys WHERE expires_at <= now()',
    );
    return (result as [unknown, number])[1] ?? 0;
  }
}
