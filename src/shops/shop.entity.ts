import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Platform } from '../common/platform';
import type { ShopVerificationMethod } from './shop-verification';

/**
 * A shop on a marketplace: the victim the repeat rule counts. Several accounts may belong to one
 * shop (its staff); the first registers it, later ones join it.
 */
@Entity({ name: 'shops' })
// One shop per platform and shop id however its case is typed; declared in the migration, since
// TypeORM cannot describe an index on an expression.
@Index('shops_platform_shop_key', { synchronize: false })
@Check(
  'shops_verification_check',
  `(verified_at IS NULL) = (verification_method IS NULL) AND (verified_at IS NULL) = (verified_by IS NULL)`,
)
export class ShopEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'platform', type: 'text' })
  platform!: Platform;

  /** The marketplace's own id of the shop, as its first account typed it. */
  @Column({ name: 'platform_shop_id', type: 'text' })
  platformShopId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @Column({ name: 'verification_method', type: 'text', nullable: true })
  verificationMethod!: ShopVerificationMethod | null;

  @Column({ name: 'verification_note', type: 'text', nullable: true })
  verificationNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
