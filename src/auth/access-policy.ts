import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { ApiKeyScope } from '../accounts/api-key-scope';
import { STAFF_ROLES, StaffRole } from '../accounts/role';
import { Caller, isApiKeyCaller } from './api-key-caller';

/** Every named thing a caller may ask to do with an object. */
export const ACCESS_ACTIONS = [
  'case.read',
  /** The status an integration polls. */
  'case.read-status',
  /** Internal notes and events, priority, the filing seller's identity, GPS, OCR text. */
  'case.read-internal',
  'case.withdraw',
  'case.post-message',
  'case.add-note',
  'case.add-evidence',
  'case.read-related',
  'case.claim',
  'case.assign',
  'case.decide',
  'case.appeal',
  /** Correct the title and description the seller wrote. */
  'case.amend',
  /** Add an identifier the seller forgot or OCR missed. */
  'case.add-identifier',
  /** Say a likely duplicate is a separate incident after all. */
  'case.mark-separate',
  /** The moderation queue, its counts and figures. */
  'queue.read',
  'reply-template.read',
  'reply-template.manage',
  'evidence.read',
  'evidence.read-original',
  'evidence.read-text',
  'offender.read',
  'campaign.read',
  'identifier.read',
  'identifier.review',
  'sighting.review',
  'shop.read',
  'shop.verify',
  'user.manage',
  'api-key.manage',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/**
 * Who may take an action: staff roles on any object, the seller who owns the object, and API
 * keys holding a scope.
 */
interface AccessRule {
  staff: readonly StaffRole[];
  owner: boolean;
  /**
   * A platform key holding this scope takes the action on any seller's object: integrations of
   * marketplaces poll the status of every case filed about their shops.
   */
  platformKeyScope?: ApiKeyScope;
}

const STAFF = STAFF_ROLES;
const STAFF_ONLY: AccessRule = { staff: STAFF, owner: false };
const OWNER_AND_STAFF: AccessRule = { staff: STAFF, owner: true };
const OWNER_ONLY: AccessRule = { staff: [], owner: true };
const ADMINS_ONLY: AccessRule = { staff: ['admin'], owner: false };

export const ACCESS_RULES: Record<AccessAction, AccessRule> = {
  'case.read': OWNER_AND_STAFF,
  'case.read-status': { ...OWNER_AND_STAFF, platformKeyScope: 'cases:read' },
  'case.read-internal': STAFF_ONLY,
  'case.withdraw': OWNER_ONLY,
  'case.post-message': OWNER_AND_STAFF,
  'case.add-note': STAFF_ONLY,
  'case.add-evidence': OWNER_AND_STAFF,
  'case.read-related': STAFF_ONLY,
  'case.claim': STAFF_ONLY,
  'case.assign': STAFF_ONLY,
  'case.decide': STAFF_ONLY,
  'case.appeal': OWNER_ONLY,
  'case.amend': OWNER_ONLY,
  'case.add-identifier': OWNER_AND_STAFF,
  'case.mark-separate': STAFF_ONLY,
  'queue.read': STAFF_ONLY,
  'reply-template.read': STAFF_ONLY,
  'reply-template.manage': ADMINS_ONLY,
  'evidence.read': OWNER_AND_STAFF,
  'evidence.read-original': OWNER_AND_STAFF,
  'evidence.read-text': STAFF_ONLY,
  'offender.read': STAFF_ONLY,
  'campaign.read': STAFF_ONLY,
  'identifier.read': STAFF_ONLY,
  'identifier.review': STAFF_ONLY,
  'sighting.review': STAFF_ONLY,
  'shop.read': STAFF_ONLY,
  'shop.verify': STAFF_ONLY,
  'user.manage': ADMINS_ONLY,
  'api-key.manage': ADMINS_ONLY,
};

/**
 * What an action is taken on: an object owned by a seller (a case, its evidence, messages), or
 * the platform's own (offenders, campaigns, identifiers), which no seller owns. An owned object
 * with no seller is one that does not exist.
 */
export type AccessSubject =
  { kind: 'case' | 'evidence' | 'sighting'; sellerId: string | undefined } | { kind: 'platform' };

export const PLATFORM: AccessSubject = { kind: 'platform' };

export function caseSubject(kase: { sellerId: string } | null | undefined): AccessSubject {
  return { kind: 'case', sellerId: kase?.sellerId };
}

/** `hidden`: the caller may not know the object exists, so it is answered as not found. */
export type AccessDecision = 'allow' | 'hidden' | 'forbidden';

export function decideAccess(
  caller: Caller,
  action: AccessAction,
  subject: AccessSubject,
): AccessDecision {
  const rule = ACCESS_RULES[action];
  if (subject.kind !== 'platform' && subject.sellerId === undefined) return 'hidden';
  if (isApiKeyCaller(caller)) {
    const scope = rule.platformKeyScope;
    return scope && caller.scopes.includes(scope) ? 'allow' : 'forbidden';
  }
  if (caller.role === 'moderator' || caller.role === 'admin') {
    return rule.staff.includes(caller.role) ? 'allow' : 'forbidden';
  }
  if (caller.role !== 'seller' || subject.kind === 'platform') return 'forbidden';
  if (subject.sellerId === undefined || subject.sellerId !== caller.id) return 'hidden';
  return rule.owner ? 'allow' : 'forbidden';
}

export function allows(caller: Caller, action: AccessAction, subject: AccessSubject): boolean {
  return decideAccess(caller, action, subject) === 'allow';
}

const NOT_FOUND: Record<AccessSubject['kind'], string> = {
  case: 'No such case.',
  evidence: 'No such evidence.',
  sighting: 'No such sighting.',
  platform: 'Not found.',
};

/**
 * The one access check, at the top of every service method that takes an id: an object that does
 * not exist or that the caller may not know of is 404; one the caller knows of but may not act on
 * is 403.
 */
export function requireAccess(caller: Caller, action: AccessAction, subject: AccessSubject): void {
  const decision = decideAccess(caller, action, subject);
  if (decision === 'hidden') throw new NotFoundException(NOT_FOUND[subject.kind]);
  if (decision === 'forbidden') throw new ForbiddenException(forbiddenReason(caller, action));
}

function forbiddenReason(caller: Caller, action: AccessAction): string {
  const rule = ACCESS_RULES[action];
  if (isApiKeyCaller(caller)) return 'This API key may not do that.';
  if (rule.owner && rule.staff.length === 0) {
    return 'Only the seller who filed the case may do that.';
  }
  if (!rule.staff.includes('moderator')) return 'Only admins may do that.';
  return 'Only moderators may do that.';
}
