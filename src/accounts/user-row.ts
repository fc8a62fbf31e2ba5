import type { Platform } from '../common/platform';
import type { ShopVerificationMethod } from '../shops/shop-verification';
import { ShopEntity } from '../shops/shop.entity';
import type { Role, UserStatus } from './role';
import { UserEntity } from './user.entity';

/**
 * The users columns and their shop's as raw SQL returns them, for queries that join users (as
 * `u`) to something else; the query adds `USER_SHOP_JOIN` after its `users u`.
 */
export const USER_COLUMNS = `u.id, u.email, u.password_hash, u.role, u.display_name, u.status,
  u.shop_id, u.shop_verified_at, u.created_at, u.updated_at, sh.platform AS shop_platform,
  sh.platform_shop_id AS shop_platform_shop_id, sh.name AS shop_name,
  sh.verified_at AS shop_shop_verified_at, sh.verified_by AS shop_verified_by,
  sh.verification_method AS shop_verification_method,
  sh.verification_note AS shop_verification_note, sh.created_at AS shop_created_at`;

export const USER_SHOP_JOIN = 'LEFT JOIN shops sh ON sh.id = u.shop_id';

export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  role: Role;
  display_name: string;
  status: UserStatus;
  shop_id: string | null;
  shop_verified_at: Date | null;
  created_at: Date;
  updated_at: Date;
  shop_platform: Platform | null;
  shop_platform_shop_id: string | null;
  shop_name: string | null;
  shop_shop_verified_at: Date | null;
  shop_verified_by: string | null;
  shop_verification_method: ShopVerificationMethod | null;
  shop_verification_note: string | null;
  shop_created_at: Date | null;
}

export function userFromRow(row: UserRow): UserEntity {
  return Object.assign(new UserEntity(), {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role,
    displayName: row.display_name,
    status: row.status,
    shopId: row.shop_id,
    shop: shopFromRow(row),
    shopVerifiedAt: row.shop_verified_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

function shopFromRow(row: UserRow): ShopEntity | null {
  if (row.shop_id === null || row.shop_platform === null) return null;
  return Object.assign(new ShopEntity(), {
    id: row.shop_id,
    platform: row.shop_platform,
    platformShopId: row.shop_platform_shop_id,
    name: row.shop_name,
    verifiedAt: row.shop_shop_verified_at,
    verifiedBy: row.shop_verified_by,
    verificationMethod: row.shop_verification_method,
    verificationNote: row.shop_verification_note,
    createdAt: row.shop_created_at,
  });
}
