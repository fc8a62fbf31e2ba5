import { CASE_STATUSES, CaseOutcome, CaseStatus } from './case-status';
import {
  CASE_MOVES,
  CaseMove,
  legalMovesFrom,
  outcomeAfter,
  sellerCanPost,
  statusAfterSellerMessage,
  transition,
} from './case-transitions';

describe('case state machine, seller side', () => {
  it.each<[CaseStatus, boolean]>([
    ['open', true],
    ['in_review', true],
    ['awaiting_seller', true],
    ['escalated', true],
    ['resolved', false],
    ['withdrawn', false],
  ])('withdrawing a case that is %s is allowed: %s', (status, allowed) => {
    expect(transition(status, 'withdraw').ok).toBe(allowed);
  });

  it('closes the conversation to the seller only once the case is withdrawn', () => {
    expect(CASE_STATUSES.filter((status) => !sellerCanPost(status))).toEqual(['withdrawn']);
  });

  it('moves a case awaiting the seller back to review when the seller answers, and nothing else', () => {
    const moved = CASE_STATUSES.filter((status) => statusAfterSellerMessage(status) !== status);
    expect(moved).toEqual(['awaiting_seller']);
    expect(statusAfterSellerMessage('awaiting_seller')).toBe('in_review');
  });
});

describe('case transition table', () => {
  // Rows: the status a case is in; columns: CASE_MOVES in order; a cell: the next status, or '-'
  // for a refusal.
  const columns: CaseMove[] = [
    'start_review',
    'request_info',
    'seller_replied',
    'escalate',
    'resolve',
    'merge',
    'withdraw',
    'reopen',
    'appeal',
  ];
  // prettier-ignore
  const table: Record<CaseStatus, string[]> = {
    //               start_review request_info      seller_replied escalate     resolve     merge       withdraw     reopen       appeal
    open:            ['in_review', 'awaiting_seller', '-',         'escalated', 'resolved', 'resolved', 'withdrawn', '-',         '-'],
    in_review:       ['-',         'awaiting_seller', '-',         'escalated', 'resolved', 'resolved', 'withdrawn', '-',         '-'],
    awaiting_seller: ['-',         '-',               'in_review', 'escalated', 'resolved', 'resolved', 'withdrawn', '-',         '-'],
    escalated:       ['-',         'awaiting_seller', '-',         '-',         'resolved', 'resolved', 'withdrawn', '-',         '-'],
    resolved:        ['-',         '-',               '-',         '-',         '-',        '-',        '-',         'in_review', 'in_review'],
    withdrawn:       ['-',         '-',               '-',         '-',         '-',        '-',        '-',         '-',         '-'],
  };

  it('covers every move and every status', () => {
    expect([...columns].sort()).toEqual([...CASE_MOVES].sort());
    expect(Object.keys(table).sort()).toEqual([...CASE_STATUSES].sort());
  });

  const cells = CASE_STATUSES.flatMap((status) =>
    columns.map((move, column) => [status, move, table[status][column]] as const),
  );

  it.each(cells)('a case that is %s, moved by %s, becomes %s', (status, move, expected) => {
    const result = transition(status, move);
    if (expected === '-') {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.legalMoves).toEqual(legalMovesFrom(status));
      expect(result.legalMoves).not.toContain(move);
      expect(result.reason).toContain(status);
      for (const legal of result.legalMoves) expect(result.reason).toContain(legal);
    } else {
      expect(result).toEqual({ ok: true, to: expected });
    }
  });

  it('names exactly the moves that succeed as the legal ones', () => {
    for (const status of CASE_STATUSES) {
      const succeeding = columns.filter((move) => transition(status, move).ok);
      expect(legalMovesFrom(status).sort()).toEqual(succeeding.sort());
    }
  });

  it.each<[CaseMove, CaseOutcome | undefined, CaseOutcome | null, CaseOutcome | null]>([
    ['resolve', 'upheld', null, 'upheld'],
    ['resolve', 'rejected', null, 'rejected'],
    ['merge', undefined, null, 'duplicate'],
    ['reopen', undefined, 'upheld', null],
    ['appeal', undefined, 'rejected', null],
    ['request_info', undefined, null, null],
  ])('%s with decision %s over %s records outcome %s', (move, decided, current, expected) => {
    expect(outcomeAfter(move, decided, current)).toBe(expected);
  });
});
