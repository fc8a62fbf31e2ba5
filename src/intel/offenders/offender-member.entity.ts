import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IdentifierEntity } from '../../identifiers/identifier.entity';
import { OffenderEntity } from './offender.entity';

/** Why an identifier takes no part in linking. */
export const EXCLUSION_REASONS = ['hub', 'not_identifying'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** An identifier's place in the offender clusters. */
@Entity({ name: 'offender_members' })
@Index('offender_members_offender_idx', ['offenderId'])
@Index('offender_members_excluded_idx', ['partyCount', 'identifierId'], {
  where: 'excluded IS NOT NULL',
})
export class OffenderMemberEntity {
  @PrimaryColumn({ name: 'identifier_id', type: 'uuid' })
  identifierId!: string;

  @ManyToOne(() => IdentifierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'identifier_id' })
  identifier?: IdentifierEntity;

  /** Null while excluded: a hub or a handle that identifies nobody links no one. */
  @Column({ name: 'offender_id', type: 'uuid', nullable: true })
  offenderId!: string | null;

  @ManyToOne(() => OffenderEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'offender_id' })
  offender?: OffenderEntity;

  /** Reported parties it was linked from; past the hub limit it stops merging. */
  @Column({ name: 'party_count', type: 'integer', default: 0 })
  partyCount!: number;

  @Column({ name: 'excluded', type: 'text', nullable: true })
  excluded!: ExclusionReason | null;
}
