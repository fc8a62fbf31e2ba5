import type { Hit } from './campaign-hits';
import type { CampaignRules } from './campaign-rules';

const HOUR_MS = 3_600_000;

/**
 * The sieges among hits already in time order. For each seller, a window qualifies when it is
 * shorter than `siegeWindowHours` and holds hits from at least `siegeMinAccounts` distinct
 * accounts; qualifying windows that share a hit are one burst, and a burst is every hit of the
 * seller inside its windows.
 *
 * Any qualifying window fits inside the widest window that ends at its last hit, and that one
 * qualifies too, so looking only at the widest window ending at each hit finds them all: one
 * pass with two pointers, O(n) after the sort.
 */
export function siegeBursts(hits: readonly Hit[], rules: CampaignRules): Hit[][] {
  const windowMs = rules.siegeWindowHours * HOUR_MS;
  return [...hitsBySeller(hits).values()].flatMap((sellerHits) =>
    burstsOfOneSeller(sellerHits, windowMs, rules.siegeMinAccounts),
  );
}

function burstsOfOneSeller(hits: Hit[], windowMs: number, minAccounts: number): Hit[][] {
  const bursts: { first: number; last: number }[] = [];
  const hitsByAccount = new Map<string, number>();
  let first = 0;
  for (let last = 0; last < hits.length; last++) {
    const { account } = hits[last];
    hitsByAccount.set(account, (hitsByAccount.get(account) ?? 0) + 1);
    while (hits[last].at.getTime() - hits[first].at.getTime() >= windowMs) {
      const leaving = hits[first].account;
      const left = hitsByAccount.get(leaving)! - 1;
      if (left === 0) hitsByAccount.delete(leaving);
      else hitsByAccount.set(leaving, left);
      first++;
    }
    if (hitsByAccount.size < minAccounts) continue;
    const current = bursts.at(-1);
    if (current && first <= current.last) current.last = last;
    else bursts.push({ first, last });
  }
  return bursts.map(({ first: from, last: to }) => hits.slice(from, to + 1));
}

function hitsBySeller(hits: readonly Hit[]): Map<string, Hit[]> {
  const bySeller = new Map<string, Hit[]>();
  for (const hit of hits) {
    const sellerHits = bySeller.get(hit.sellerId);
    if (sellerHits) sellerHits.push(hit);
    else bySeller.set(hit.sellerId, [hit]);
  }
  return bySeller;
}
