import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CaseEntity } from '../case.entity';
import { ReportedPartyEntity } from '../reported-party.entity';
import { IdentifierEntity } from './identifier.entity';

export const SIGHTING_SOURCES = ['seller'] as const;
export type SightingSource = (typeof SIGHTING_SOURCES)[number];

/**
 * An identifier seen in a case: on a reported party, or on the case itself (its order ids and
 * the account the blackmailer asked to be paid to).
 */
@Entity({ name: 'sightings' })
@Index('sightings_identifier_idx', ['identifierId'])
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

  /** The order within the case, so a party's identifiers come back as the seller gave them. */
  @Column({ name: 'position', type: 'integer' })
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
