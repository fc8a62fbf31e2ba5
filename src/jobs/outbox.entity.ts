import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxEvent } from './job-names';
import type { EventPayloads } from './job-payloads';

/** Background work decided inside a transaction, waiting for the relay to hand it to BullMQ. */
@Entity({ name: 'outbox' })
@Index('outbox_pending_idx', ['createdAt', 'id'], { where: 'dispatched_at IS NULL' })
export class OutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event', type: 'text' })
  event!: string;

  /** Null for an event no job consumes yet: it is recorded, already dispatched. */
  @Column({ name: 'job_name', type: 'text', nullable: true })
  jobName!: string | null;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: EventPayloads[OutboxEvent];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;
}
