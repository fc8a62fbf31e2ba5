import type { Role } from '../accounts/role';
import type { CaseStatus } from '../cases/case-status';
import { CaseMove, transition } from '../cases/case-transitions';
import { claimState, ClaimFields } from './claim-state';

export const MODERATION_ACTIONS = [
  'claim',
  'release',
  'assign',
  'request_info',
  'escalate',
  'resolve',
  'merge',
  'reopen',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The moves a claim holder makes through the transition table. */
const HOLDER_MOVES: Partial<Record<ModerationAction, CaseMove>> = {
  request_info: 'request_info',
  escalate: 'escalate',
  resolve: 'resolve',
  merge: 'merge',
};

/**
 * What a moderator may do with a case now, by its status and its claim: the same rules the
 * routes apply, so a console offers only what will be accepted.
 */
export function openMoves(
  kase: ClaimFields & { status: CaseStatus },
  moderator: { id: string; role: Role },
  now: Date,
): ModerationAction[] {
  if (kase.status === 'resolved') return transition(kase.status, 'reopen').ok ? ['reopen'] : [];
  if (kase.status === 'withdrawn') return [];
  const claim = claimState(kase, moderator.id, now);
  const admin = moderator.role === 'admin';
  const open: ModerationAction[] = [];
  if (claim !== 'held') open.push('claim');
  if (claim === 'mine' || (claim === 'held' && admin)) open.push('release');
  if (claim !== 'held' || admin) open.push('assign');
  if (claim === 'mine') {
    for (const [action, move] of Object.entries(HOLDER_MOVES)) {
      if (transition(kase.status, move).ok) open.push(action as ModerationAction);
    }
  }
  return open;
}
