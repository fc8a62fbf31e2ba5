import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ShopEntity } from '../shops/shop.entity';
import type { Role, UserStatus } from './role';

@Entity({ name: 'users' })
@Index('users_email_key', ['email'], { unique: true })
@Index('users_created_idx', ['createdAt', 'id'])
@Index('users_shop_idx', ['shopId'])
@Check('users_role_check', `role IN ('seller', 'moderator', 'admin')`)
@Check('users_status_check', `status IN ('active', 'disabled')`)
@Check('users_shop_check', `(role = 'seller') = (shop_id IS NOT NULL)`)
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

  /** A seller's shop; staff have none. */
  @Column({ name: 'shop_id', type: 'uuid', nullable: true })
  shopId!: string | null;

  @ManyToOne(() => ShopEntity, { eager: true, nullable: true })
  @JoinColumn({ name: 'shop_id' })
  shop!: ShopEntity | null;

  /**
   * When a moderator verified this account's part in its shop. An account that joins a verified
   * shop afterwards is an unverified member until the shop is verified again.
   */
  @Column({ name: 'shop_verified_at', type: 'timestamptz', nullable: true })
  shopVerifiedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
