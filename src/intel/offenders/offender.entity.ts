import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** Amounts per ISO 4217 currency, as exact decimal strings. */
export type CurrencyTotals = Record<string, { demanded: string; paid: string }>;

/**
 * A cluster of identifiers linked because they belong to one reported party somewhere, with the
 * facts of its cases kept current by the linking jobs.
 */
@Entity({ name: 'offenders' })
@Index('offenders_risk_idx', ['riskScore', 'id'])
export class OffenderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'member_count', type: 'integer', default: 0 })
  memberCount!: number;

  /** Distinct shops of its cases: its victims. Accounts of one shop count once. */
  @Column({ name: 'seller_count', type: 'integer', default: 0 })
  sellerCount!: number;

  /** Those of its victims' shops that a moderator verified. */
  @Column({ name: 'verified_seller_count', type: 'integer', default: 0 })
  verifiedSellerCount!: number;

  @Column({ name: 'case_count', type: 'integer', default: 0 })
  caseCount!: number;

  /** Cases upheld by a moderator: how far decisions have confirmed the link. */
  @Column({ name: 'upheld_count', type: 'integer', default: 0 })
  upheldCount!: number;

  @Column({ name: 'first_seen_at', type: 'timestamptz', nullable: true })
  firstSeenAt!: Date | null;

  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt!: Date | null;

  @Column({ name: 'totals', type: 'jsonb', default: {} })
  totals!: CurrencyTotals;

  @Column({ name: 'case_types', type: 'text', array: true, default: [] })
  caseTypes!: string[];

  @Column({ name: 'risk_score', type: 'real', default: 0 })
  riskScore!: number;

  @Column({ name: 'repeat_offender', type: 'boolean', default: false })
  repeatOffender!: boolean;

  /** When it first became a repeat offender; set once, so its cases are raised once. */
  @Column({ name: 'flagged_at', type: 'timestamptz', nullable: true })
  flaggedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
