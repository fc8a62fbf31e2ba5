import fc from 'fast-check';
import { hitOf, type Hit } from './campaign-hits';
import { DEFAULT_CAMPAIGN_RULES, type CampaignRules } from './campaign-rules';
import { findCampaigns, type FoundCampaign } from './find-campaigns';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const T0 = Date.parse('2026-03-02T00:00:00Z');

/** Small enough that random hits form sieges and rings often. */
const TIGHT_RULES: CampaignRules = {
  siegeMinAccounts: 3,
  siegeWindowHours: 6,
  ringMinSellers: 2,
  ringMinSharedAccounts: 2,
  ringWindowDays: 1,
};

const hitArb = (sellers: string[], accounts: string[], spanMs: number) =>
  fc.record({
    sellerId: fc.constantFrom(...sellers),
    account: fc.constantFrom(...accounts),
    at: fc.integer({ min: 0, max: spanMs - 1 }).map((ms) => new Date(T0 + ms)),
    reason: fc.constantFrom<Hit['reason']>('refund', 'bad_review'),
  });

const copyOf = (hit: Hit): Hit => ({ ...hit, at: new Date(hit.at.getTime()) });
const sum = (counts: { count: number }[]) => counts.reduce((total, { count }) => total + count, 0);

function expectWellFormed(found: FoundCampaign[]): void {
  for (const campaign of found) {
    expect(sum(campaign.perHour)).toBe(campaign.hitCount);
    expect(sum(campaign.perDay)).toBe(campaign.hitCount);
    expect(campaign.accounts).toEqual([...new Set(campaign.accounts)].sort());
    expect(campaign.sellers).toEqual([...new Set(campaign.sellers)].sort());
    expect(campaign.startsAt.getTime()).toBeLessThanOrEqual(campaign.endsAt.getTime());
  }
  expect(new Set(found.map((campaign) => campaign.key)).size).toBe(found.length);
}

/** A seeded generator, so that big realistic exports come from one fast-check integer. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('findCampaigns properties', () => {
  it('gives the same campaigns whatever the order of the hits and however often each repeats', () => {
    const sellers = ['s1', 's2', 's3', 's4'];
    const accounts = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    const hitsWithShuffle = fc
      .array(hitArb(sellers, accounts, DAY_MS), { maxLength: 60, size: 'max' })
      .chain((hits) =>
        fc.tuple(
          fc.constant(hits),
          fc.shuffledSubarray(hits, { minLength: hits.length, maxLength: hits.length }),
          fc.array(fc.nat(), { maxLength: 30 }),
        ),
      );
    let runsWithCampaigns = 0;
    fc.assert(
      fc.property(hitsWithShuffle, ([hits, shuffled, repeats]) => {
        const repeated = repeats.flatMap((i) =>
          hits.length ? [copyOf(hits[i % hits.length])] : [],
        );
        const found = findCampaigns(hits, TIGHT_RULES);
        expect(findCampaigns([...shuffled.map(copyOf), ...repeated], TIGHT_RULES)).toEqual(found);
        expectWellFormed(found);
        if (found.length > 0) runsWithCampaigns++;
      }),
      { numRuns: 300 },
    );
    expect(runsWithCampaigns).toBeGreaterThan(100);
  });

  it('puts in sieges exactly the hits that lie in a short window with enough accounts', () => {
    const rules = { ...TIGHT_RULES, siegeMinAccounts: 3, siegeWindowHours: 2 };
    const windowMs = rules.siegeWindowHours * HOUR_MS;
    const distinctHits = fc.uniqueArray(hitArb(['s1', 's2'], ['a1', 'a2', 'a3', 'a4'], DAY_MS), {
      maxLength: 40,
      selector: (hit) => JSON.stringify(hit),
    });
    fc.assert(
      fc.property(distinctHits, (hits) => {
        const inWindowFrom = (start: Hit) =>
          hits.filter(
            (other) =>
              other.sellerId === start.sellerId &&
              other.at.getTime() >= start.at.getTime() &&
              other.at.getTime() < start.at.getTime() + windowMs,
          );
        const covered = new Set<Hit>();
        for (const start of hits) {
          const windowHits = inWindowFrom(start);
          if (new Set(windowHits.map((hit) => hit.account)).size < rules.siegeMinAccounts) continue;
          for (const hit of windowHits) covered.add(hit);
        }
        const sieges = findCampaigns(hits, rules).filter((campaign) => campaign.kind === 'siege');
        expect(sum(sieges.map((siege) => ({ count: siege.hitCount })))).toBe(covered.size);
        for (const seller of ['s1', 's2']) {
          const coveredAccounts = new Set(
            [...covered].filter((hit) => hit.sellerId === seller).map((hit) => hit.account),
          );
          const siegeAccounts = new Set(
            sieges
              .filter((siege) => siege.sellers[0] === seller)
              .flatMap((siege) => siege.accounts),
          );
          expect([...siegeAccounts].sort()).toEqual([...coveredAccounts].sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing in ordinary exports: random buyers, 2% refunds, 1.5% bad reviews', () => {
    // Buyers who each order a few times a month across the stores seen, as on a big marketplace
    // where a store's customers are mostly its own.
    const market = fc.record({
      seed: fc.integer(),
      sellers: fc.integer({ min: 5, max: 30 }),
      ordersPerSellerDay: fc.integer({ min: 20, max: 150 }),
      ordersPerBuyer: fc.integer({ min: 1, max: 8 }),
    });
    fc.assert(
      fc.property(market, ({ seed, sellers, ordersPerSellerDay, ordersPerBuyer }) => {
        const random = randomFrom(seed);
        const days = 30;
        const orders = sellers * ordersPerSellerDay * days;
        const buyers = Math.ceil(orders / ordersPerBuyer);
        const hits: Hit[] = [];
        for (let order = 0; order < orders; order++) {
          const outcome = random();
          const hit = hitOf({
            sellerId: `seller-${Math.floor(random() * sellers)}`,
            buyer: `buyer-${Math.floor(random() * buyers)}`,
            orderedAt: new Date(T0 + Math.floor(random() * days * DAY_MS)),
            refunded: outcome < 0.02,
            rating: outcome < 0.035 ? 1 + Math.floor(random() * 2) : outcome < 0.5 ? 5 : null,
          });
          if (hit) hits.push(hit);
        }
        expect(hits.length).toBeGreaterThan(orders * 0.02);
        expect(findCampaigns(hits, DEFAULT_CAMPAIGN_RULES)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  // Background damage that cannot form a campaign of its own: each account hits at most two
  // sellers, and a named seller gets fewer hits than a siege needs.
  const backgroundArb = (sellers: string[], maxHits: number) =>
    fc
      .array(
        fc.record({
          account: fc.integer({ min: 0, max: 500 }),
          secondSeller: fc.boolean(),
          at: fc.integer({ min: 0, max: 40 * DAY_MS }),
        }),
        { maxLength: maxHits },
      )
      .map((draws) =>
        draws.map(({ account, secondSeller, at }) => ({
          sellerId: sellers[(account + (secondSeller ? 1 : 0)) % sellers.length],
          account: `background-${account}`,
          at: new Date(T0 + at),
          reason: 'refund' as const,
        })),
      );

  it('finds one ring of the 50 accounts three sellers share within a few days', () => {
    const ringSellers = ['store-a', 'store-b', 'store-c'];
    const crew = Array.from({ length: 50 }, (_, i) => `crew-${i}`);
    // For each crew account and ring seller in turn, one or two times within four days.
    const crewHits = fc
      .array(
        fc.array(fc.integer({ min: 0, max: 4 * DAY_MS - 1 }), { minLength: 1, maxLength: 2 }),
        { minLength: crew.length * 3, maxLength: crew.length * 3 },
      )
      .map((offsets) =>
        offsets.flatMap((times, i) =>
          times.map((ms) => ({
            sellerId: ringSellers[i % 3],
            account: crew[Math.floor(i / 3)],
            at: ms,
            reason: 'refund' as const,
          })),
        ),
      );
    const scenario = fc.record({
      startDay: fc.integer({ min: 0, max: 30 }),
      crewHits,
      background: backgroundArb([...ringSellers, 'store-d', 'store-e', 'store-f'], 400),
    });
    fc.assert(
      fc.property(scenario, ({ startDay, crewHits: attack, background }) => {
        const hits = [
          ...attack.map((hit) => ({ ...hit, at: new Date(T0 + startDay * DAY_MS + hit.at) })),
          ...background,
        ];
        const rings = findCampaigns(hits, DEFAULT_CAMPAIGN_RULES).filter(
          (campaign) => campaign.kind === 'ring',
        );
        expect(rings).toHaveLength(1);
        expect(rings[0].accounts).toEqual([...crew].sort());
        expect(rings[0].sellers).toEqual(ringSellers);
      }),
      { numRuns: 50 },
    );
  });

  it('finds a siege of 100 accounts within 6 hours, its hours adding up to its hits', () => {
    const crew = Array.from({ length: 100 }, (_, i) => `crew-${i}`);
    const scenario = fc.record({
      startMs: fc.integer({ min: 0, max: 30 * DAY_MS }),
      offsets: fc.array(
        fc.array(fc.integer({ min: 0, max: 6 * HOUR_MS - 1 }), { minLength: 1, maxLength: 3 }),
        { minLength: crew.length, maxLength: crew.length },
      ),
      onTarget: backgroundArb(['target'], 10),
      elsewhere: backgroundArb(['store-b', 'store-c', 'store-d'], 300),
    });
    fc.assert(
      fc.property(scenario, ({ startMs, offsets, onTarget, elsewhere }) => {
        const attack = offsets.flatMap((times, i) =>
          times.map((ms) => ({
            sellerId: 'target',
            account: crew[i],
            at: new Date(T0 + startMs + ms),
            reason: i % 2 ? ('refund' as const) : ('bad_review' as const),
          })),
        );
        const found = findCampaigns([...attack, ...onTarget, ...elsewhere], DEFAULT_CAMPAIGN_RULES);
        const sieges = found.filter(
          (campaign) => campaign.kind === 'siege' && campaign.sellers[0] === 'target',
        );
        expect(sieges).toHaveLength(1);
        const [siege] = sieges;
        expect(siege.accounts).toEqual(expect.arrayContaining(crew));
        const distinctAttack = new Set(attack.map((hit) => `${hit.account} ${hit.at.getTime()}`));
        expect(siege.hitCount).toBeGreaterThanOrEqual(distinctAttack.size);
        expect(sum(siege.perHour)).toBe(siege.hitCount);
        const attackTimes = attack.map((hit) => hit.at.getTime());
        expect(siege.startsAt.getTime()).toBeLessThanOrEqual(Math.min(...attackTimes));
        expect(siege.endsAt.getTime()).toBeGreaterThanOrEqual(Math.max(...attackTimes));
        expectWellFormed(found);
      }),
      { numRuns: 50 },
    );
  });
});
