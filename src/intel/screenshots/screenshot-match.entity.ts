import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { CaseEntity } from '../../cases/case.entity';
import { EvidenceEntity } from '../../evidence/evidence.entity';

/**
 * Two screenshots of different cases that are near-duplicates: a link between their cases. Kept
 * once per pair, the smaller evidence id first.
 */
@Entity({ name: 'screenshot_matches' })
@Index('screenshot_matches_case_idx', ['caseId'])
@Index('screenshot_matches_other_case_idx', ['otherCaseId'])
export class ScreenshotMatchEntity {
  @PrimaryColumn({ name: 'evidence_id', type: 'uuid' })
  evidenceId!: string;

  @PrimaryColumn({ name: 'other_evidence_id', type: 'uuid' })
  otherEvidenceId!: string;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: EvidenceEntity;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'other_evidence_id' })
  otherEvidence?: EvidenceEntity;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column({ name: 'other_case_id', type: 'uuid' })
  otherCaseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'other_case_id' })
  otherCase?: CaseEntity;

  /** Bits of the 64-bit difference hashes that differ: 0 is the same picture. */
  @Column({ name: 'distance', type: 'smallint' })
  distance!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
