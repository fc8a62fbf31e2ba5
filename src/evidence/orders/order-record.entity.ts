import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../accounts/user.entity';
import { CaseEntity } from '../../cases/case.entity';
import { EvidenceEntity } from '../evidence.entity';

/** One row of a seller's order export, as the export said it; the file itself stays evidence. */
@Entity({ name: 'order_records' })
@Index('order_records_evidence_row_key', ['evidenceId', 'rowNumber'], { unique: true })
@Index('order_records_case_idx', ['caseId'])
@Index('order_records_seller_buyer_idx', ['sellerId', 'buyer'])
// Campaign detection: one account's orders at every seller, and one seller's orders over time.
@Index('order_records_buyer_idx', ['buyer', 'orderedAt'])
@Index('order_records_seller_time_idx', ['sellerId', 'orderedAt'])
export class OrderRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'evidence_id', type: 'uuid' })
  evidenceId!: string;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: EvidenceEntity;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column({ name: 'seller_id', type: 'uuid' })
  sellerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seller_id' })
  seller?: UserEntity;

  /** Where in the file: the header is row 1. */
  @Column({ name: 'row_number', type: 'integer' })
  rowNumber!: number;

  @Column({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'buyer', type: 'text', nullable: true })
  buyer!: string | null;

  @Column({ name: 'amount', type: 'numeric', nullable: true })
  amount!: string | null;

  @Column({ name: 'currency', type: 'char', length: 3, nullable: true })
  currency!: string | null;

  @Column({ name: 'ordered_at', type: 'timestamptz', nullable: true })
  orderedAt!: Date | null;

  @Column({ name: 'status', type: 'text', nullable: true })
  status!: string | null;

  @Column({ name: 'refunded', type: 'boolean', default: false })
  refunded!: boolean;

  @Column({ name: 'refund_amount', type: 'numeric', nullable: true })
  refundAmount!: string | null;

  /** 1 to 5 stars. */
  @Column({ name: 'rating', type: 'smallint', nullable: true })
  rating!: number | null;

  @Column({ name: 'review_text', type: 'text', nullable: true })
  reviewText!: string | null;
}
