import type { AuthUser } from '../auth/auth-user';
import type { CaseEntity } from './case.entity';

export function isStaff(caller: AuthUser): boolean {
  return caller.role === 'moderator' || caller.role === 'admin';
}

/** Sellers see their own cases; moderators and admins see all; a role added later sees none. */
export function canSeeCase(caller: AuthUser, kase: CaseEntity): boolean {
  return isStaff(caller) || (caller.role === 'seller' && kase.sellerId === caller.id);
}
