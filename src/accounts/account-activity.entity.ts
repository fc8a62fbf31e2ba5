import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

export const ACTIVITY_KINDS = ['registered', 'signed_in'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The account's own security log, written by a background job from the outbox. */
@Entity({ name: 'account_activity' })
@Index('account_activity_user_idx', ['userId', 'occurredAt', 'id'])
@Index('account_activity_job_key', ['jobId'], { unique: true })
export class AccountActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'kind', type: 'text' })
  kind!: ActivityKind;

  @Column({ name: 'ip', type: 'text', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** The outbox id of the job that wrote the row: a redelivered job finds it and stops. */
  @Column({ name: 'job_id', type: 'uuid' })
  jobId!: string;
}
