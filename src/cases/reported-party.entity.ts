import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/** One accused person in a case; what identifies them are its sightings. */
@Entity({ name: 'reported_parties' })
@Index('reported_parties_case_idx', ['caseId', 'position'], { unique: true })
export class ReportedPartyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  /** The order the seller listed the parties in. */
  @Column({ name: 'position', type: 'integer' })
  position!: number;
}
