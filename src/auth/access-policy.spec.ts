import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { UserEntity } from '../accounts/user.entity';
import {
  ACCESS_ACTIONS,
  AccessAction,
  AccessDecision,
  caseSubject,
  decideAccess,
  PLATFORM,
  requireAccess,
} from './access-policy';
import type { Caller } from './api-key-caller';
import type { AuthUser } from './auth-user';

const person = (id: string, role: AuthUser['role']): AuthUser => ({
  id,
  role,
  sessionId: 'session',
  user: {} as UserEntity,
});
const owner = person('seller-a', 'seller');
const otherSeller = person('seller-b', 'seller');
const moderator = person('moderator', 'moderator');
const admin = person('admin', 'admin');
const readKey: Caller = { apiKeyId: 'key', name: 'integration', scopes: ['cases:read'] };
const scopelessKey: Caller = { apiKeyId: 'key', name: 'integration', scopes: [] };

const ownedBySellerA = caseSubject({ sellerId: 'seller-a' });

// Each row: what the owner, another seller, a moderator, an admin and a cases:read key get for
// the action on seller A's case (or, for platform actions, on the platform's own objects).
type Row = [AccessDecision, AccessDecision, AccessDecision, AccessDecision, AccessDecision];
const A = 'allow';
const H = 'hidden';
const F = 'forbidden';
// prettier-ignore
const table: Record<AccessAction, Row> = {
  'case.read':              [A, H, A, A, F],
  'case.read-status':       [A, H, A, A, A],
  'case.read-internal':     [F, H, A, A, F],
  'case.withdraw':          [A, H, F, F, F],
  'case.post-message':      [A, H, A, A, F],
  'case.add-note':          [F, H, A, A, F],
  'case.add-evidence':      [A, H, A, A, F],
  'case.read-related':      [F, H, A, A, F],
  'case.claim':             [F, H, A, A, F],
  'case.assign':            [F, H, A, A, F],
  'case.decide':            [F, H, A, A, F],
  'case.appeal':            [A, H, F, F, F],
  'case.amend':             [A, H, F, F, F],
  'case.add-identifier':    [A, H, A, A, F],
  'case.mark-separate':     [F, H, A, A, F],
  'queue.read':             [F, F, A, A, F],
  'reply-template.read':    [F, F, A, A, F],
  'reply-template.manage':  [F, F, F, A, F],
  'evidence.read':          [A, H, A, A, F],
  'evidence.read-original': [A, H, A, A, F],
  'evidence.read-text':     [F, H, A, A, F],
  'offender.read':          [F, F, A, A, F],
  'campaign.read':          [F, F, A, A, F],
  'identifier.read':        [F, F, A, A, F],
  'identifier.review':      [F, F, A, A, F],
  'sighting.review':        [F, F, A, A, F],
  'shop.read':              [F, F, A, A, F],
  'shop.verify':            [F, F, A, A, F],
  'user.manage':            [F, F, F, A, F],
  'api-key.manage':         [F, F, F, A, F],
};
const PLATFORM_ACTIONS = new Set<AccessAction>([
  'queue.read',
  'reply-template.read',
  'reply-template.manage',
  'offender.read',
  'campaign.read',
  'identifier.read',
  'identifier.review',
  'sighting.review',
  'shop.read',
  'shop.verify',
  'user.manage',
  'api-key.manage',
]);

describe('access policy', () => {
  it('has a row for every action', () => {
    expect(Object.keys(table).sort()).toEqual([...ACCESS_ACTIONS].sort());
  });

  const callers: [string, Caller][] = [
    ['the owner', owner],
    ['another seller', otherSeller],
    ['a moderator', moderator],
    ['an admin', admin],
    ['a cases:read key', readKey],
  ];
  const cells = ACCESS_ACTIONS.flatMap((action) =>
    callers.map(([name, caller], column) => [action, name, caller, table[action][column]] as const),
  );

  it.each(cells)('%s by %s is %s', (action, _name, caller, expected) => {
    const subject = PLATFORM_ACTIONS.has(action) ? PLATFORM : ownedBySellerA;
    expect(decideAccess(caller, action, subject)).toBe(expected);
  });

  it('refuses a key without the scope that opens an action', () => {
    expect(decideAccess(scopelessKey, 'case.read-status', ownedBySellerA)).toBe('forbidden');
  });

  it('hides from everyone an object that does not exist', () => {
    for (const [, caller] of callers) {
      expect(decideAccess(caller, 'case.read', caseSubject(null))).toBe('hidden');
    }
  });

  it('answers hidden with 404 and forbidden with 403', () => {
    expect(() => requireAccess(otherSeller, 'case.read', ownedBySellerA)).toThrow(
      NotFoundException,
    );
    expect(() => requireAccess(owner, 'case.add-note', ownedBySellerA)).toThrow(ForbiddenException);
    expect(() => requireAccess(owner, 'case.read', ownedBySellerA)).not.toThrow();
  });
});
