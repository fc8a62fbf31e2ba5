import { openMoves } from './open-moves';

const now = new Date('2026-12-06T12:00:00Z');
const later = new Date('2026-12-06T12:30:00Z');
const me = { id: 'me', role: 'moderator' as const };
const admin = { id: 'boss', role: 'admin' as const };
const free = { assigneeId: null, claimExpiresAt: null };
const mine = { assigneeId: 'me', claimExpiresAt: later };
const theirs = { assigneeId: 'you', claimExpiresAt: later };

describe('openMoves', () => {
  it('offers a free case to claim or assign, and nothing a holder alone may do', () => {
    expect(openMoves({ ...free, status: 'open' }, me, now)).toEqual(['claim', 'assign']);
  });

  it('offers the holder the moves the transition table allows from the status', () => {
    expect(openMoves({ ...mine, status: 'in_review' }, me, now)).toEqual([
      'claim',
      'release',
      'assign',
      'request_info',
      'escalate',
      'resolve',
      'merge',
    ]);
    expect(openMoves({ ...mine, status: 'escalated' }, me, now)).toEqual([
      'claim',
      'release',
      'assign',
      'request_info',
      'resolve',
      'merge',
    ]);
  });

  it('offers nothing on a case a colleague holds, but lets an admin release or reassign it', () => {
    expect(openMoves({ ...theirs, status: 'in_review' }, me, now)).toEqual([]);
    expect(openMoves({ ...theirs, status: 'in_review' }, admin, now)).toEqual([
      'release',
      'assign',
    ]);
  });

  it('treats a lapsed claim as free', () => {
    const lapsed = { assigneeId: 'you', claimExpiresAt: new Date('2026-12-06T11:00:00Z') };
    expect(openMoves({ ...lapsed, status: 'in_review' }, me, now)).toEqual(['claim', 'assign']);
  });

  it('offers reopening a decided case, and nothing on a withdrawn one', () => {
    expect(openMoves({ ...free, status: 'resolved' }, me, now)).toEqual(['reopen']);
    expect(openMoves({ ...free, status: 'withdrawn' }, me, now)).toEqual([]);
  });
});
