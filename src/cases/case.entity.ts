import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import type { Platform } from '../common/platform';
import type { PaymentProvider } from '../identifiers/identifier-kind';
import type { CaseOutcome, CaseStatus, DemandChannel, ResolutionAction } from './case-status';
import type { CaseType } from './case-type';
import type { PriorityTerm } from './priority-term';

/** One complaint by one seller, with the extortion ledger when money was demanded. */
@Entity({ name: 'cases' })
@Index('cases_reference_key', ['reference'], { unique: true })
@Index('cases_seller_created_idx', ['sellerId', 'createdAt', 'id'])
@Index('cases_created_idx', ['createdAt', 'id'])
// The moderators' figures count decisions, first answers and misses within a period.
@Index('cases_decided_idx', ['decidedAt'], { where: 'decided_at IS NOT NULL' })
@Index('cases_first_response_idx', ['firstResponseAt'], { where: 'first_response_at IS NOT NULL' })
@Index('cases_first_response_breach_idx', ['firstResponseBreachedAt'], {
  where: 'first_response_breached_at IS NOT NULL',
})
@Index('cases_resolution_breach_idx', ['resolutionBreachedAt'], {
  where: 'resolution_breached_at IS NOT NULL',
})
@Index('cases_merged_into_idx', ['mergedInto'], { where: 'merged_into IS NOT NULL' })
@Index('cases_claim_expiry_idx', ['claimExpiresAt'], { where: 'assignee_id IS NOT NULL' })
@Index('cases_queue_idx', ['queuePriority', 'id'], {
  where: `status IN ('open', 'in_review', 'awaiting_seller', 'escalated')`,
})
// The queue's counts per status, read from the index alone.
@Index('cases_open_status_idx', ['status'], {
  where: `status IN ('open', 'in_review', 'awaiting_seller', 'escalated')`,
})
@Index('cases_rescore_idx', ['rescoreAt'], { where: 'rescore_at IS NOT NULL' })
@Index('cases_first_response_due_idx', ['firstResponseDueAt'], {
  where: `first_response_at IS NULL AND first_response_breached_at IS NULL AND status IN ('open', 'in_review', 'awaiting_seller', 'escalated')`,
})
@Index('cases_resolution_due_idx', ['resolutionDueAt'], {
  where: `resolution_breached_at IS NULL AND status IN ('open', 'in_review', 'awaiting_seller', 'escalated')`,
})
@Check(
  'cases_amounts_check',
  `(amount_demanded IS NULL AND amount_paid IS NULL) OR currency IS NOT NULL`,
)
@Check('cases_amount_demanded_check', `amount_demanded > 0`)
@Check('cases_amount_paid_check', `amount_paid >= 0`)
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'reference', type: 'text' })
  reference!: string;

  @Column({ name: 'seller_id', type: 'uuid' })
  sellerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seller_id' })
  seller?: UserEntity;

  @Column({ name: 'type', type: 'text' })
  type!: CaseType;

  @Column({ name: 'platform', type: 'text' })
  platform!: Platform;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'description', type: 'text' })
  description!: string;

  @Column({ name: 'incident_at', type: 'timestamptz', nullable: true })
  incidentAt!: Date | null;

  @Column({ name: 'order_ids', type: 'text', array: true, default: () => "'{}'" })
  orderIds!: string[];

  @Column({ name: 'status', type: 'text', default: 'open' })
  status!: CaseStatus;

  @Column({ name: 'outcome', type: 'text', nullable: true })
  outcome!: CaseOutcome | null;

  @Column({ name: 'priority', type: 'integer', default: 0 })
  priority!: number;

  /**
   * The accused is linked to another seller's report that a moderator upheld. Set by the
   * cross-referencing jobs; the seller sees only this, never the other report.
   */
  @Column({ name: 'reported_elsewhere', type: 'boolean', default: false })
  reportedElsewhere!: boolean;

  /** Exact decimals as the seller gave them (numeric keeps the scale); never a float. */
  @Column({ name: 'amount_demanded', type: 'numeric', nullable: true })
  amountDemanded!: string | null;

  @Column({ name: 'amount_paid', type: 'numeric', nullable: true })
  amountPaid!: string | null;

  @Column({ name: 'currency', type: 'text', nullable: true })
  currency!: string | null;

  @Column({ name: 'demand_channel', type: 'text', nullable: true })
  demandChannel!: DemandChannel | null;

  @Column({ name: 'payee_provider', type: 'text', nullable: true })
  payeeProvider!: PaymentProvider | null;

  @Column({ name: 'payee_account', type: 'text', nullable: true })
  payeeAccount!: string | null;

  @Column({ name: 'payee_display', type: 'text', nullable: true })
  payeeDisplay!: string | null;

  @Column({ name: 'demand_deadline', type: 'timestamptz', nullable: true })
  demandDeadline!: Date | null;

  /** The moderator working the case; exclusive, and only while the claim's lease runs. */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: UserEntity;

  /** When the claim lapses unless the moderator's activity on the case extends it. */
  @Column({ name: 'claim_expires_at', type: 'timestamptz', nullable: true })
  claimExpiresAt!: Date | null;

  /** Who made the latest decision; an appeal prefers someone else. */
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** The decision's reasons, which the seller reads. */
  @Column({ name: 'resolution_summary', type: 'text', nullable: true })
  resolutionSummary!: string | null;

  @Column({ name: 'resolution_actions', type: 'text', array: true, default: () => "'{}'" })
  resolutionActions!: ResolutionAction[];

  /**
   * The case this one was merged into as a duplicate. Its evidence and parties stay where they
   * are; moderators see them with the target's, and cross-referencing counts them as the target.
   */
  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto!: string | null;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into' })
  mergedIntoCase?: CaseEntity;

  /**
   * An earlier case by the same shop naming the same accused within the duplicate window: likely
   * the same incident filed again. It is suggested for merge and left out of the repeat rule's
   * count of cases in a window until a moderator marks it a separate incident.
   */
  @Column({ name: 'likely_duplicate_of', type: 'uuid', nullable: true })
  likelyDuplicateOf!: string | null;

  @ManyToOne(() => CaseEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'likely_duplicate_of' })
  likelyDuplicateOfCase?: CaseEntity;

  /** A moderator found the likely duplicate a separate incident after all: it counts. */
  @Column({ name: 'marked_separate_at', type: 'timestamptz', nullable: true })
  markedSeparateAt!: Date | null;

  /** Set by the seller's one appeal. */
  @Column({ name: 'appealed_at', type: 'timestamptz', nullable: true })
  appealedAt!: Date | null;

  /**
   * The moderation queue's rank (queue-priority.ts), derived from the case and what is linked to
   * it and kept current by jobs; it is not part of the case's history, so setting it writes no
   * timeline entry and leaves the ETag alone.
   */
  @Column({ name: 'queue_priority', type: 'real', default: 0 })
  queuePriority!: number;

  /** The formula's terms behind `queuePriority`: why the case ranks where it does. */
  @Column({ name: 'priority_terms', type: 'jsonb', default: () => "'[]'" })
  priorityTerms!: PriorityTerm[];

  /** When the time-dependent terms next change, so the rank is computed again. */
  @Column({ name: 'rescore_at', type: 'timestamptz', nullable: true })
  rescoreAt!: Date | null;

  /** Since when the case has waited for moderators: filed, answered by its seller, or appealed. */
  @Column({ name: 'waiting_since', type: 'timestamptz', default: () => 'now()' })
  waitingSince!: Date;

  /** Service levels: when moderators must first answer, and decide (sla-hours.ts). */
  @Column({ name: 'first_response_due_at', type: 'timestamptz', nullable: true })
  firstResponseDueAt!: Date | null;

  @Column({ name: 'resolution_due_at', type: 'timestamptz', nullable: true })
  resolutionDueAt!: Date | null;

  /** The first time staff answered: a move of theirs or a message to the seller. */
  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt!: Date | null;

  @Column({ name: 'first_response_breached_at', type: 'timestamptz', nullable: true })
  firstResponseBreachedAt!: Date | null;

  @Column({ name: 'resolution_breached_at', type: 'timestamptz', nullable: true })
  resolutionBreachedAt!: Date | null;

  /** Bumped on every change; the ETag of the case. */
  @Column({ name: 'version', type: 'integer', default: 1 })
  version!: number;

  /** The case sequence of its latest timeline entry; entries are numbered under the row lock. */
  @Column({ name: 'last_event_seq', type: 'integer', default: 0 })
  lastEventSeq!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
