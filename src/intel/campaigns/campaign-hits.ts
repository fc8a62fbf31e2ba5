import type { OrderRecordEntity } from '../../evidence/orders/order-record.entity';

export type HitReason = 'refund' | 'bad_review';

/** One order that hurt its seller: the unit campaigns are counted in. */
export interface Hit {
  sellerId: string;
  account: string;
  at: Date;
  reason: HitReason;
}

export type HitSource = Pick<
  OrderRecordEntity,
  'sellerId' | 'buyer' | 'orderedAt' | 'refunded' | 'rating'
>;

export const WORST_BAD_RATING = 1;
export const BEST_BAD_RATING = 2;

// Exports mask buyer names ("t**1", "张*"); one masked name stands for many accounts, so it
// would make unrelated buyers look like one account recurring across stores.
const MASKED_NAME = /\*/;

/** The hit an order record counts as, or null when it hurt nobody or cannot be attributed. */
export function hitOf(record: HitSource): Hit | null {
  const account = record.buyer?.trim();
  const time = record.orderedAt?.getTime();
  if (!account || MASKED_NAME.test(account) || time === undefined || Number.isNaN(time)) {
    return null;
  }
  const hit = (reason: HitReason): Hit => ({
    sellerId: record.sellerId,
    account,
    at: new Date(time),
    reason,
  });
  // One order is one hit even when it was both refunded and panned: it is one buyer hurting one
  // store once, and counting it twice would let half as many accounts look like a siege.
  if (record.refunded) return hit('refund');
  const { rating } = record;
  if (rating !== null && rating >= WORST_BAD_RATING && rating <= BEST_BAD_RATING) {
    return hit('bad_review');
  }
  return null;
}

/**
 * The hits without repeats, in one total order (time, seller, account, reason), so that what is
 * found depends only on the set of hits. A hit repeats when seller, account, time and reason match:
 * the same export uploaded twice, or to two cases. Hits without a valid time are left out.
 */
export function distinctHitsInOrder(hits: readonly Hit[]): Hit[] {
  const byIdentity = new Map<string, Hit>();
  for (const hit of hits) {
    // An invalid Date would make the sort inconsistent, and with it everything found.
    if (Number.isNaN(hit.at.getTime())) continue;
    const identity = `${hit.at.getTime()}\u0000${hit.sellerId}\u0000${hit.account}\u0000${hit.reason}`;
    if (!byIdentity.has(identity)) byIdentity.set(identity, hit);
  }
  return [...byIdentity.values()].sort(compareHits);
}

function compareHits(a: Hit, b: Hit): number {
  return (
    a.at.getTime() - b.at.getTime() ||
    compareText(a.sellerId, b.sellerId) ||
    compareText(a.account, b.account) ||
    compareText(a.reason, b.reason)
  );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
