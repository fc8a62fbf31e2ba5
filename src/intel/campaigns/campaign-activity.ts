/** Orders, refunds and bad reviews of one hour at the sellers a campaign hit. */
export interface HourActivity {
  /** Hours since the Unix epoch. */
  hour: number;
  orders: number;
  refunds: number;
  badReviews: number;
}

export interface ActivityRates {
  orders: number;
  refunds: number;
  badReviews: number;
}

export interface CampaignActivity {
  /** Every hour of the window, those without orders as zeros. */
  hours: HourActivity[];
  /** Mean per hour before the window; null when the exports hold too little history. */
  normal: { rates: ActivityRates; fromHour: number; toHour: number } | null;
}

const HOUR_MS = 3_600_000;
/** Hours shown either side of the attack, so it stands out against what came before and after. */
export const MARGIN_HOURS = 6;
/** At most this many bars: a ring may run for weeks, and past this the bars are unreadable. */
export const MAX_WINDOW_HOURS = 14 * 24;
/** How far back the seller's normal is looked for, and the least history it is told from. */
export const NORMAL_LOOKBACK_HOURS = 14 * 24;
export const NORMAL_MIN_HOURS = 24;

export const hourOf = (at: Date): number => Math.floor(at.getTime() / HOUR_MS);
export const dateOfHour = (hour: number): Date => new Date(hour * HOUR_MS);

/** The hours the chart shows, and the earlier hours its normal may come from. */
export function activitySpan(startsAt: Date, endsAt: Date) {
  const fromHour = hourOf(startsAt) - MARGIN_HOURS;
  const toHour = Math.min(hourOf(endsAt) + MARGIN_HOURS + 1, fromHour + MAX_WINDOW_HOURS);
  return { fromHour, toHour, lookbackFromHour: fromHour - NORMAL_LOOKBACK_HOURS };
}

/**
 * The window's hours, and the sellers' normal: their mean per hour from their first order in the
 * look-back to the window. An export that starts shortly before the attack tells too little of
 * what is normal, so under NORMAL_MIN_HOURS of history there is none.
 */
export function campaignActivity(
  buckets: readonly HourActivity[],
  span: { fromHour: number; toHour: number; lookbackFromHour: number },
): CampaignActivity {
  const byHour = new Map(buckets.map((bucket) => [bucket.hour, bucket]));
  const hours: HourActivity[] = [];
  for (let hour = span.fromHour; hour < span.toHour; hour += 1) {
    hours.push(byHour.get(hour) ?? { hour, orders: 0, refunds: 0, badReviews: 0 });
  }
  const before = buckets.filter(
    ({ hour }) => hour >= span.lookbackFromHour && hour < span.fromHour,
  );
  const first = Math.min(...before.map(({ hour }) => hour));
  const historyHours = span.fromHour - first;
  if (before.length === 0 || historyHours < NORMAL_MIN_HOURS) return { hours, normal: null };
  const total = (pick: (bucket: HourActivity) => number) =>
    before.reduce((sum, bucket) => sum + pick(bucket), 0) / historyHours;
  return {
    hours,
    normal: {
      rates: {
        orders: total((bucket) => bucket.orders),
        refunds: total((bucket) => bucket.refunds),
        badReviews: total((bucket) => bucket.badReviews),
      },
      fromHour: first,
      toHour: span.fromHour,
    },
  };
}
