import {
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
import { CaseEntity } from '../cases/case.entity';
import type { AnalysisStep } from './analysis/evidence-analysis';
import type { FoundIdentifier } from './analysis/found-identifier';
import type { EvidenceKind } from './evidence-kind';
import type { EvidenceStatus } from './evidence-status';
import type { CameraMetadata } from './images/image-processor';
import type { OrderExportSummary } from './orders/order-export-summary';

/** An uploaded file: its bytes live in the store under `sha256`, never in this row. */
@Entity({ name: 'evidence' })
@Index('evidence_case_sha256_key', ['caseId', 'sha256'], { unique: true })
@Index('evidence_case_created_idx', ['caseId', 'createdAt', 'id'])
@Index('evidence_sha256_idx', ['sha256'])
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: UserEntity;

  @Column({ name: 'kind', type: 'text' })
  kind!: EvidenceKind;

  @Column({ name: 'status', type: 'text', default: 'received' })
  status!: EvidenceStatus;

  /** The name the client gave, as text only: never a path, never trusted for the type. */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  /** Decided from the bytes. */
  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  @Column({ name: 'size', type: 'bigint' })
  size!: string;

  @Column({ name: 'sha256', type: 'text' })
  sha256!: string;

  @Column({ name: 'width', type: 'integer', nullable: true })
  width!: number | null;

  @Column({ name: 'height', type: 'integer', nullable: true })
  height!: number | null;

  /** 64-bit difference hash of an image, 16 hex digits, for finding reused screenshots. */
  @Column({ name: 'perceptual_hash', type: 'text', nullable: true })
  perceptualHash!: string | null;

  @Column({ name: 'camera', type: 'jsonb', nullable: true })
  camera!: CameraMetadata | null;

  /** Where a photo was taken: shown to moderators only. */
  @Column({ name: 'gps', type: 'jsonb', nullable: true })
  gps!: { latitude: number; longitude: number } | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  /** The text of a chat log, kept for extracting identifiers; moderators only. Loaded on request. */
  @Column({ name: 'text_content', type: 'text', nullable: true, select: false })
  textContent?: string | null;

  /** What OCR read in a chat screenshot; moderators only. Loaded on request. */
  @Column({ name: 'ocr_text', type: 'text', nullable: true, select: false })
  ocrText?: string | null;

  /** Amounts demanded that the text of a screenshot or chat log names, for moderators. */
  @Column({ name: 'amounts_demanded', type: 'jsonb', nullable: true })
  amountsDemanded!: { amount: string; currency: string }[] | null;

  /**
   * The analysis steps this item gets (analysisStepsOf), fixed when processing finishes: they
   * depend on its kind, on whether it was rejected, and on whether the worker that processed it
   * reads screenshots. Null before.
   */
  @Column({ name: 'analysis_steps', type: 'text', array: true, nullable: true })
  analysisSteps!: AnalysisStep[] | null;

  /** When OCR finished reading a chat screenshot. */
  @Column({ name: 'ocr_read_at', type: 'timestamptz', nullable: true })
  ocrReadAt!: Date | null;

  /** When identifiers and amounts were looked for in its text. */
  @Column({ name: 'extracted_at', type: 'timestamptz', nullable: true })
  extractedAt!: Date | null;

  /**
   * When linking had taken in every identifier found in it (at once when none was), or for an
   * order export, when its orders were searched for campaigns.
   */
  @Column({ name: 'linked_at', type: 'timestamptz', nullable: true })
  linkedAt!: Date | null;

  /** The identifiers extraction found in this item, as read, even those the case already held. */
  @Column({ name: 'found_identifiers', type: 'jsonb', nullable: true })
  foundIdentifiers!: FoundIdentifier[] | null;

  /** What an order export held: its layout, rows kept, and rows that could not be read. */
  @Column({ name: 'order_summary', type: 'jsonb', nullable: true })
  orderSummary!: OrderExportSummary | null;

  /** Why processing refused the file, in words a seller understands. */
  @Column({ name: 'error', type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
