import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Platform } from '../common/platform';
import type { Role, UserStatus } from './role';

@Entity({ name: 'users' })
@Index('users_email_key', ['email'], { unique: true })
@Index('users_created_idx', ['createdAt', 'id'])
@Check('users_role_check', `role IN ('seller', 'moderator', 'admin')`)
@Check('users_status_check', `status IN ('active', 'disabled')`)
@Check('users_shop_check', `(role = 'seller') = (shop_platform IS NOT NULL)`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Trimmed and lower-cased, so one mailbox is one account. */
  @Column({ name: 'email', type: 'text' })
  email!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'role', type: 'text' })
  role!: Role;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'status', type: 'text', default: 'active' })
  status!: UserStatus;

  @Column({ name: 'shop_platform', type: 'text', nullable: true })
  shopPlatform!: Platform | null;

  @Column({ name: 'shop_id', type: 'text', nullable: true })
  shopId!: string | null;

  @Column({ name: 'shop_name', type: 'text', nullable: true })
  shopName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
