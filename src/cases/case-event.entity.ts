import {
  Column,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import { CaseEntity } from './case.entity';

export const CASE_EVENT_KINDS = [
  'case_created',
  'message_posted',
  'status_changed',
  'withdrawn',
  'note_added',
  'evidence_added',
  'original_downloaded',
  'evidence_processed',
  'evidence_rejected',
  'evidence_analysed',
  'offender_flagged',
  'sighting_confirmed',
  'sighting_rejected',
  'reported_elsewhere_changed',
  'case_claimed',
  'claim_released',
  'service_levels_breached',
  'merged_into',
  'merged_in',
  'case_amended',
  'identifier_added',
  'duplicate_suspected',
  'marked_separate',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

export const EVENT_VISIBILITIES = ['seller', 'internal'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

/** An append-only timeline entry: what happened to a case, who did it, who may see it. */
@Entity({ name: 'case_events' })
@Index('case_events_case_seq_key', ['caseId', 'caseSeq'], { unique: true })
@Index('case_events_position_key', ['position'], { unique: true })
export class CaseEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Across all cases, the order entries were written in, also within one transaction. */
  @Column({ name: 'position', type: 'bigint' })
  @Generated('increment')
  position!: string;

  /** 1, 2, 3 … within the case, without gaps: the case's timeline pages on it. */
  @Column({ name: 'case_seq', type: 'integer' })
  caseSeq!: number;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  /** Null when the system did it (a job), not a person. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity;

  @Column({ name: 'kind', type: 'text' })
  kind!: CaseEventKind;

  @Column({ name: 'visibility', type: 'text' })
  visibility!: EventVisibility;

  @Column({ name: 'data', type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @Column({
    name: 'occurred_at',
    type: 'timestamptz',
    precision: 3,
    default: () => 'clock_timestamp()',
  })
  occurredAt!: Date;
}
