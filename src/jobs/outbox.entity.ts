import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxEvent } from './job-names';
import type { EventPayloads } from './job-payloads';

/**
 * Background work decided inside a transaction. The relay hands a row to BullMQ (dispatched), the
 * worker records when its job ran (finished) or gave up (failed); the reconciler hands back to the
 * queue rows that were dispatched but whose job Redis no longer holds.
 */
@Entity({ name: 'outbox' })
@Index('outbox_pending_idx', ['createdAt', 'id'], { where: 'dispatched_at IS NULL' })
@Index('outbox_unfinished_idx', ['dispatchedAt', 'id'], {
  where: 'dispatched_at IS NOT NULL AND finished_at IS NULL AND failed_at IS NULL',
})
export class OutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event', type: 'text' })
  event!: string;

  /** Null for an event no job consumes yet: it is recorded, already dispatched and finished. */
  @Column({ name: 'job_name', type: 'text', nullable: true })
  jobName!: string | null;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: EventPayloads[OutboxEvent];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the relay last handed the row to BullMQ, or the reconciler last saw its job queued. */
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** Set when the job used up its attempts; BullMQ keeps the failed job for a retry. */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;
}
