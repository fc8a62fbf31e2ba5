import type { CaseOutcome, CaseStatus } from './case-status';

/** Every way a case's status can move, by whoever makes the move. */
export const CASE_MOVES = [
  /** A moderator takes up a new case. */
  'start_review',
  /** A moderator asks the seller for more; the seller's answer hands it back. */
  'request_info',
  'seller_replied',
  'escalate',
  /** A decision: upheld or rejected. */
  'resolve',
  /** Resolved as a duplicate of another case, which takes over. */
  'merge',
  'withdraw',
  'reopen',
  /** The seller contests a decision, once, within the window. */
  'appeal',
] as const;
export type CaseMove = (typeof CASE_MOVES)[number];

/** Statuses still waiting for a decision: open to work. */
export const UNDECIDED: readonly CaseStatus[] = [
  'open',
  'in_review',
  'awaiting_seller',
  'escalated',
];

/** From which statuses each move may start, and where it leads. */
const TRANSITIONS: Record<CaseMove, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  start_review: { from: ['open'], to: 'in_review' },
  request_info: { from: ['open', 'in_review', 'escalated'], to: 'awaiting_seller' },
  seller_replied: { from: ['awaiting_seller'], to: 'in_review' },
  escalate: { from: ['open', 'in_review', 'awaiting_seller'], to: 'escalated' },
  resolve: { from: UNDECIDED, to: 'resolved' },
  merge: { from: UNDECIDED, to: 'resolved' },
  withdraw: { from: UNDECIDED, to: 'withdrawn' },
  reopen: { from: ['resolved'], to: 'in_review' },
  appeal: { from: ['resolved'], to: 'in_review' },
};

export type Transition =
  { ok: true; to: CaseStatus } | { ok: false; legalMoves: CaseMove[]; reason: string };

/** Where `move` takes a case in `status`, or a refusal naming the moves that status allows. */
export function transition(status: CaseStatus, move: CaseMove): Transition {
  const rule = TRANSITIONS[move];
  if (rule.from.includes(status)) return { ok: true, to: rule.to };
  const legalMoves = legalMovesFrom(status);
  return {
    ok: false,
    legalMoves,
    reason:
      `A case that is ${status} cannot be moved by ${move}; ` +
      (legalMoves.length > 0 ? `it allows ${legalMoves.join(', ')}.` : 'it allows no move.'),
  };
}

export function legalMovesFrom(status: CaseStatus): CaseMove[] {
  return CASE_MOVES.filter((move) => TRANSITIONS[move].from.includes(status));
}

/** The outcome a move records on the case: a decision's own, a merge's duplicate, or none. */
export function outcomeAfter(
  move: CaseMove,
  decided: CaseOutcome | undefined,
  current: CaseOutcome | null,
): CaseOutcome | null {
  if (move === 'merge') return 'duplicate';
  if (move === 'resolve') return decided ?? current;
  if (move === 'reopen' || move === 'appeal') return null;
  return current;
}

/** The conversation closes to the seller only once the case is withdrawn. */
export function sellerCanPost(status: CaseStatus): boolean {
  return status !== 'withdrawn';
}

/** A seller answering a moderator's question hands the case back to review. */
export function statusAfterSellerMessage(status: CaseStatus): CaseStatus {
  const moved = transition(status, 'seller_replied');
  return moved.ok ? moved.to : status;
}
