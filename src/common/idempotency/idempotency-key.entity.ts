import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const IDEMPOTENCY_STATES = ['running', 'completed'] as const;
export type IdempotencyState = (typeof IDEMPOTENCY_STATES)[number];

/**
 * A caller's Idempotency-Key and the first response given under it. The row is claimed before
 * the work runs and completed in the work's own transaction, so a committed change always has its
 * stored response and a replay can never repeat the change.
 */
@Entity({ name: 'idempotency_keys' })
@Index('idempotency_keys_owner_key', ['owner', 'key'], { unique: true })
@Index('idempotency_keys_expires_idx', ['expiresAt'])
export class IdempotencyKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The user or API key that sent the key: keys are scoped to their caller. */
  @Column({ name: 'owner', type: 'text' })
  owner!: string;

  @Column({ name: 'key', type: 'text' })
  key!: string;

  /** SHA-256 of the method, the path and the validated request. */
  @Column({ name: 'fingerprint', type: 'bytea' })
  fingerprint!: Buffer;

  /** Changes when a claim is taken over, so the request that lost it cannot complete it. */
  @Column({ name: 'claim_token', type: 'uuid' })
  claimToken!: string;

  @Column({ name: 'state', type: 'text' })
  state!: IdempotencyState;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
