import { CASE_STATUSES, CaseStatus } from './case-status';
import { canWithdraw, sellerCanPost, statusAfterSellerMessage } from './case-state-machine';

describe('case state machine, seller side', () => {
  it.each<[CaseStatus, boolean]>([
    ['open', true],
    ['in_review', true],
    ['awaiting_seller', true],
    ['escalated', true],
    ['resolved', false],
    ['withdrawn', false],
  ])('withdrawing a case that is %s is allowed: %s', (status, allowed) => {
    expect(canWithdraw(status)).toBe(allowed);
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
