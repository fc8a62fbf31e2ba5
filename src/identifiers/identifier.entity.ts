import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { IdentifierKind } from './identifier-kind';

/**
 * A canonical handle, one row per (kind, scope, value) across all cases, so that two sellers
 * reporting the same QQ number point at the same row.
 */
@Entity({ name: 'identifiers' })
@Index('identifiers_value_key', ['kind', 'scope', 'value'], { unique: true })
export class IdentifierEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: IdentifierKind;

  /** The platform of a platform account, the provider of a payment account, '' otherwise. */
  @Column({ name: 'scope', type: 'text', default: '' })
  scope!: string;

  @Column({ name: 'value', type: 'text' })
  value!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
