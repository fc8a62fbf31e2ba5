import type { AuthUser } from '../auth/auth-user';
import type { CaseEntity } from './case.entity';

/** Sellers see their own cases; moderators and admins see all. */
export function canSeeCase(caller: AuthUser, kase: CaseEntity): boolean {
  return caller.role !== 'seller' || kase.sellerId === caller.id;
}

export function isStaff(caller: AuthUser): boolean {
  return caller.role === 'moderator' || caller.role === 'admin';
}
