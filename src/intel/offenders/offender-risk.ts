/** What the risk score and the repeat rule are computed from. */
export interface OffenderFacts {
  sellerCount: number;
  caseCount: number;
  /** The most cases that fall within any one repeat window. */
  casesInWindow: number;
  /** Any victim paid. */
  paid: boolean;
  extortion: boolean;
  lastSeenAt: Date | null;
}

export interface RepeatRule {
  minSellers: number;
  minCasesInWindow: number;
}

/** Seen by enough distinct sellers, or in enough cases within the window. */
export function isRepeatOffender(facts: OffenderFacts, rule: RepeatRule): boolean {
  return facts.sellerCount >= rule.minSellers || facts.casesInWindow >= rule.minCasesInWindow;
}

const DAY_MS = 86_400_000;

/**
 * A score from 0 to 100 that orders offenders for moderators, riskiest first:
 *   35 × (1 − 0.5^(sellers − 1))   more victims, with diminishing steps (2 sellers: 17.5, 3: 26)
 * + 20 × (1 − 0.8^cases)           more cases (1: 4, 5: 13.4, 10: 17.9)
 * + 15 if any victim paid          the threat worked, so it will be repeated
 * + 10 if any case is extortion    the gravest case type
 * + 20 × 0.5^(days since last seen / 30)   recent activity, halving every 30 days
 */
export function riskScore(facts: OffenderFacts, now: Date): number {
  const victims = 35 * (1 - 0.5 ** Math.max(0, facts.sellerCount - 1));
  const cases = 20 * (1 - 0.8 ** facts.caseCount);
  const recency = facts.lastSeenAt
    ? 20 * 0.5 ** (Math.max(0, now.getTime() - facts.lastSeenAt.getTime()) / DAY_MS / 30)
    : 0;
  const score = victims + cases + (facts.paid ? 15 : 0) + (facts.extortion ? 10 : 0) + recency;
  return Math.round(Math.min(100, score) * 10) / 10;
}
