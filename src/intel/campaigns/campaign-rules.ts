/** The thresholds campaign detection uses; see `findCampaigns` for the exact rules. */
export interface CampaignRules {
  /** A siege: at least this many distinct accounts hit one seller ... */
  siegeMinAccounts: number;
  /** ... within a sliding window this many hours long. */
  siegeWindowHours: number;
  /** A ring: every account in it hit at least this many of the ring's sellers ... */
  ringMinSellers: number;
  /** ... every seller in it was hit by at least this many of the ring's accounts ... */
  ringMinSharedAccounts: number;
  /** ... all within a window this many days long. */
  ringWindowDays: number;
}

export const DEFAULT_CAMPAIGN_RULES: Readonly<CampaignRules> = Object.freeze({
  // Ordinary damage is about 2% refunds plus 1-2% one- and two-star reviews, so a store taking
  // 100 orders a day sees 3-4 hits a day, and 20 distinct accounts in one day has odds of about
  // 1e-8. Sieges are hundreds to thousands of accounts, so 20 is met within the first hour of one:
  // early, not noisy. The fixed number assumes the small stores Bulwark serves: simulated, a store
  // taking 200 orders a day shows a false siege in about 1 month of 70, one taking 300 in most.
  // A day is the unit sellers lose (a day's sales, an ad budget); voice-room sessions last hours,
  // so a day holds one without reaching back into last week's ordinary refunds.
  siegeMinAccounts: 20,
  siegeWindowHours: 24,
  // The field report that set this: one professional complainer hit three sellers in a week.
  // Two stores in common is everyday shopping; three, repeated by ten accounts that all hit the
  // same stores, is not. Ten is well below the smallest voice-room crew, and above chance: in
  // simulation, ordinary buyers only form such a core when every buyer places about 20 orders a
  // month at the same handful of stores, which is a closed club, not a marketplace.
  ringMinSellers: 3,
  ringMinSharedAccounts: 10,
  // Crews rotate targets over days to weeks; a month holds a rotation and matches the monthly
  // order exports sellers upload, while staying short enough that heavy shoppers rarely gather
  // three refunds at the same stores by chance.
  ringWindowDays: 30,
});

/** Throws a RangeError naming the first threshold that cannot mean anything. */
export function checkCampaignRules(rules: CampaignRules): void {
  const mustBe = (field: keyof CampaignRules, ok: boolean, what: string) => {
    if (!ok) throw new RangeError(`${field} must be ${what}, got ${rules[field]}`);
  };
  const isWhole = (value: number, min: number) => Number.isSafeInteger(value) && value >= min;
  const isSpan = (value: number) => Number.isFinite(value) && value > 0;
  mustBe('siegeMinAccounts', isWhole(rules.siegeMinAccounts, 2), 'a whole number of at least 2');
  mustBe('siegeWindowHours', isSpan(rules.siegeWindowHours), 'a positive number of hours');
  // One seller is a siege, not a ring.
  mustBe('ringMinSellers', isWhole(rules.ringMinSellers, 2), 'a whole number of at least 2');
  mustBe(
    'ringMinSharedAccounts',
    isWhole(rules.ringMinSharedAccounts, 2),
    'a whole number of at least 2',
  );
  mustBe('ringWindowDays', isWhole(rules.ringWindowDays, 1), 'a whole number of days');
}
