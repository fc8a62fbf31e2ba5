import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { ApiKeyScope } from './api-key-scope';
import { UserEntity } from './user.entity';

/** An integration's credential. Only the SHA-256 of the key is kept; the key is shown once. */
@Entity({ name: 'api_keys' })
@Index('api_keys_hash_key', ['keyHash'], { unique: true })
@Index('api_keys_created_idx', ['createdAt', 'id'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'scopes', type: 'text', array: true })
  scopes!: ApiKeyScope[];

  /** The key's first characters, so an admin can tell which key a log line or a client holds. */
  @Column({ name: 'prefix', type: 'text' })
  prefix!: string;

  @Column({ name: 'key_hash', type: 'bytea' })
  keyHash!: Buffer;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
