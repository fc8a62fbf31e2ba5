import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import { ReportedPartyEntity } from '../cases/reported-party.entity';
import { IdentifierEntity } from './identifier.entity';

/**
 * Typed by the seller, read from a screenshot by OCR, found in a chat log's text, or added
 * afterwards by hand: by the seller correcting their case, or by a moderator.
 */
export const SIGHTING_SOURCES = [
  'seller',
  'ocr',
  'chat_log',
  'seller_amendment',
  'moderator',
] as const;
export type SightingSource = (typeof SIGHTING_SOURCES)[number];

/** A moderator may confirm an extracted sighting, or reject any sighting, which unlinks it. */
export const SIGHTING_STATUSES = ['active', 'confirmed', 'rejected'] as const;
export type SightingStatus = (typeof SIGHTING_STATUSES)[number];

/**
 * An identifier seen in a case: on a reported party, or on the case itself (its order ids and
 * the account the blackmailer asked to be paid to).
 */
@Entity({ name: 'sightings' })
@Index('sightings_identifier_idx', ['identifierId'])
@Index('sightings_unlinked_idx', ['caseId'], { where: 'linked_at IS NULL' })
@Index('sightings_link_group_idx', ['linkGroup'], { where: 'link_group IS NOT NULL' })
@Index('sightings_case_idx', ['caseId', 'position'])
@Index('sightings_party_key', ['partyId', 'identifierId'], {
  unique: true,
  where: 'party_id IS NOT NULL',
})
@Index('sightings_case_key', ['caseId', 'identifierId', 'source'], {
  unique: true,
  where: 'party_id IS NULL',
})
export class SightingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId!: string | null;

  @ManyToOne(() => ReportedPartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id' })
  party?: ReportedPartyEntity;

  @Column({ name: 'identifier_id', type: 'uuid' })
  identifierId!: string;

  @ManyToOne(() => IdentifierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'identifier_id' })
  identifier?: IdentifierEntity;

  /** What the seller typed, kept for display; the identifier holds the canonical value. */
  @Column({ name: 'display', type: 'text' })
  display!: string;

  @Column({ name: 'source', type: 'text' })
  source!: SightingSource;

  @Column({ name: 'status', type: 'text', default: 'active' })
  status!: SightingStatus;

  /** How sure extraction was, 0 to 1; null for what the seller typed. */
  @Column({ name: 'confidence', type: 'real', nullable: true })
  confidence!: number | null;

  /** The evidence item an extracted identifier was read from. */
  @Column({ name: 'evidence_id', type: 'uuid', nullable: true })
  evidenceId!: string | null;

  /** When the linking job took this sighting into the offender clusters. */
  @Column({ name: 'linked_at', type: 'timestamptz', nullable: true })
  linkedAt!: Date | null;

  /**
   * The reported party this sighting links through, set when linked: its own party, or for a
   * sighting on the case (a payee account, an extracted handle) the case's only party, or the
   * case itself. Null for what links no people, such as order ids.
   */
  @Column({ name: 'link_group', type: 'text', nullable: true })
  linkGroup!: string | null;

  /** The order within the case, so a party's identifiers come back as the seller gave them. */
  @Column({ name: 'position', type: 'integer' })
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
