import {
  Column,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Role } from '../accounts/role';
import { UserEntity } from '../accounts/user.entity';
import { CaseEntity } from './case.entity';

/** The conversation between the seller and moderators; all of it is visible to the seller. */
@Entity({ name: 'case_messages' })
@Index('case_messages_case_idx', ['caseId', 'seq'])
export class CaseMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The order entries were written in, also within one transaction; lists page on it. */
  @Column({ name: 'seq', type: 'bigint' })
  @Generated('increment')
  seq!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  /** The author's role when they wrote, so the seller sees "moderator" even after a role change. */
  @Column({ name: 'author_role', type: 'text' })
  authorRole!: Role;

  @Column({ name: 'body', type: 'text' })
  body!: string;

  @Column({
    name: 'created_at',
    type: 'timestamptz',
    precision: 3,
    default: () => 'clock_timestamp()',
  })
  createdAt!: Date;
}
