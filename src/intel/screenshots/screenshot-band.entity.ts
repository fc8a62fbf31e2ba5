import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EvidenceEntity } from '../../evidence/evidence.entity';

/**
 * One band of a screenshot's perceptual hash. Two hashes within the match distance agree on at
 * least one band (pigeonhole), so candidates are found by equal bands through an index, never by
 * comparing against every screenshot.
 */
@Entity({ name: 'screenshot_bands' })
@Index('screenshot_bands_evidence_idx', ['evidenceId'])
export class ScreenshotBandEntity {
  /** The band's position and bits in one number: position × 2^20 + bits. */
  @PrimaryColumn({ name: 'band', type: 'integer' })
  band!: number;

  @PrimaryColumn({ name: 'evidence_id', type: 'uuid' })
  evidenceId!: string;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: EvidenceEntity;
}
