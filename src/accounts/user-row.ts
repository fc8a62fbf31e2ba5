import type { Platform } from '../common/platform';
import type { Role, UserStatus } from './role';
import { UserEntity } from './user.entity';

/** The users columns as raw SQL returns them, for queries that join users to something else. */
export const USER_COLUMNS =
  'u.id, u.email, u.password_hash, u.role, u.display_name, u.status, u.shop_platform, u.shop_id, u.shop_name, u.created_at, u.updated_at';

export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  role: Role;
  display_name: string;
  status: UserStatus;
  shop_platform: Platform | null;
  shop_id: string | null;
  shop_name: string | null;
  created_at: Date;
  updated_at: Date;
}

export function userFromRow(row: UserRow): UserEntity {
  return Object.assign(new UserEntity(), {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role,
    displayName: row.display_name,
    status: row.status,
    shopPlatform: row.shop_platform,
    shopId: row.shop_id,
    shopName: row.shop_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
