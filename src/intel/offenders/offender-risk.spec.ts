import { isRepeatOffender, OffenderFacts, riskScore } from './offender-risk';

const NOW = new Date('2026-11-22T00:00:00Z');
const ONE_CASE: OffenderFacts = {
  sellerCount: 1,
  caseCount: 1,
  casesInWindow: 1,
  paid: false,
  extortion: false,
  lastSeenAt: NOW,
};
const RULE = { minSellers: 2, minCasesInWindow: 3 };

describe('isRepeatOffender', () => {
  it('needs two sellers, or three cases within the window', () => {
    expect(isRepeatOffender(ONE_CASE, RULE)).toBe(false);
    expect(isRepeatOffender({ ...ONE_CASE, sellerCount: 2, caseCount: 2 }, RULE)).toBe(true);
    expect(isRepeatOffender({ ...ONE_CASE, caseCount: 3, casesInWindow: 2 }, RULE)).toBe(false);
    expect(isRepeatOffender({ ...ONE_CASE, caseCount: 3, casesInWindow: 3 }, RULE)).toBe(true);
  });
});

describe('riskScore', () => {
  it('follows the documented formula', () => {
    expect(riskScore(ONE_CASE, NOW)).toBe(24); // 0 + 4 + 0 + 0 + 20
    expect(
      riskScore({ ...ONE_CASE, sellerCount: 3, caseCount: 3, paid: true, extortion: true }, NOW),
    ).toBe(81); // 26.25 + 9.76 + 15 + 10 + 20
  });

  it('rises with victims and cases, falls with time, and stays within 0..100', () => {
    const more = { ...ONE_CASE, sellerCount: 2 };
    expect(riskScore(more, NOW)).toBeGreaterThan(riskScore(ONE_CASE, NOW));
    const old = { ...ONE_CASE, lastSeenAt: new Date('2026-08-24T00:00:00Z') };
    expect(riskScore(old, NOW)).toBeLessThan(riskScore(ONE_CASE, NOW));
    const extreme = {
      ...ONE_CASE,
      sellerCount: 1000,
      caseCount: 5000,
      paid: true,
      extortion: true,
    };
    expect(riskScore(extreme, NOW)).toBeLessThanOrEqual(100);
    expect(riskScore({ ...ONE_CASE, caseCount: 0, lastSeenAt: null }, NOW)).toBe(0);
  });
});
