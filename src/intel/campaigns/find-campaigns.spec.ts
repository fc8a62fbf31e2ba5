import type { Hit } from './campaign-hits';
import { DEFAULT_CAMPAIGN_RULES, type CampaignRules } from './campaign-rules';
import { findCampaigns, type FoundCampaign } from './find-campaigns';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const T0 = Date.parse('2026-03-02T00:00:00Z');

const hit = (sellerId: string, account: string, ms: number, reason: Hit['reason'] = 'refund') => ({
  sellerId,
  account,
  at: new Date(T0 + ms),
  reason,
});
const accounts = (count: number, prefix = 'crew') =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
const find = (hits: Hit[], rules: Partial<CampaignRules> = {}) =>
  findCampaigns(hits, { ...DEFAULT_CAMPAIGN_RULES, ...rules });
const ofKind = (found: FoundCampaign[], kind: FoundCampaign['kind']) =>
  found.filter((campaign) => campaign.kind === kind);

/** Each account hits each seller once, the hits spread evenly over `spanMs` from `startMs`. */
function attack(names: string[], sellers: string[], startMs: number, spanMs: number): Hit[] {
  const total = names.length * sellers.length;
  return sellers.flatMap((seller, s) =>
    names.map((name, a) =>
      hit(seller, name, startMs + Math.floor(((s * names.length + a) * spanMs) / total)),
    ),
  );
}

describe('findCampaigns: sieges', () => {
  it('finds 20 accounts refunding at one seller within a day', () => {
    const [siege] = find(attack(accounts(20), ['store'], 0, 23 * HOUR_MS));
    expect(siege).toMatchObject({
      kind: 'siege',
      accounts: accounts(20),
      sellers: ['store'],
      startsAt: new Date(T0),
      hitCount: 20,
    });
  });

  it('ignores 19 accounts within a day, however often each of them hits', () => {
    const hits = [0, 1, 2].flatMap((round) =>
      attack(accounts(19), ['store'], round * HOUR_MS, HOUR_MS),
    );
    expect(find(hits)).toEqual([]);
  });

  it.each`
    lastAfter           | found
    ${24 * HOUR_MS - 1} | ${1}
    ${24 * HOUR_MS}     | ${0}
  `(
    'with the 20th account $lastAfter ms after the first finds $found siege',
    ({ lastAfter, found }) => {
      const hits = [
        ...attack(accounts(19), ['store'], 0, HOUR_MS),
        hit('store', 'late', lastAfter),
      ];
      expect(find(hits)).toHaveLength(found);
    },
  );

  it('does not add up hits at different sellers', () => {
    const hits = [
      ...attack(accounts(19), ['store-a'], 0, 6 * HOUR_MS),
      ...attack(accounts(19, 'other'), ['store-b'], 0, 6 * HOUR_MS),
    ];
    expect(find(hits)).toEqual([]);
  });

  it('reports two bursts days apart as two sieges with their own keys', () => {
    const hits = [
      ...attack(accounts(25), ['store'], 0, 2 * HOUR_MS),
      ...attack(accounts(25, 'second'), ['store'], 3 * DAY_MS, 2 * HOUR_MS),
    ];
    const found = find(hits);
    expect(found.map((campaign) => campaign.hitCount)).toEqual([25, 25]);
    expect(found[1].accounts).toEqual(accounts(25, 'second'));
    expect(found[0].key).not.toBe(found[1].key);
  });

  it('takes in every hit of the seller inside a qualifying window, ordinary ones too', () => {
    const ordinary = hit('store', 'regular', -20 * HOUR_MS);
    const [siege] = find([ordinary, ...attack(accounts(19), ['store'], 0, HOUR_MS)]);
    expect(siege.accounts).toContain('regular');
    expect(siege.startsAt).toEqual(ordinary.at);
  });

  it('counts hits per UTC hour and day', () => {
    const hits = [
      hit('store', 'a', 23 * HOUR_MS + 10 * 60_000),
      hit('store', 'b', 23 * HOUR_MS + 50 * 60_000, 'bad_review'),
      hit('store', 'c', 24 * HOUR_MS + 20 * 60_000),
    ];
    const [siege] = find(hits, { siegeMinAccounts: 3 });
    expect(siege.perHour).toEqual([
      { hour: '2026-03-02T23:00:00.000Z', count: 2 },
      { hour: '2026-03-03T00:00:00.000Z', count: 1 },
    ]);
    expect(siege.perDay).toEqual([
      { day: '2026-03-02', count: 2 },
      { day: '2026-03-03', count: 1 },
    ]);
    expect(siege.endsAt).toEqual(hits[2].at);
  });

  it('keeps its key when a later run sees more of the same siege and other campaigns', () => {
    const first = attack(accounts(20), ['store'], HOUR_MS, HOUR_MS);
    const more = [
      ...first,
      ...attack(accounts(40, 'late'), ['store'], 3 * HOUR_MS, 5 * HOUR_MS),
      ...attack(accounts(20), ['other-store'], HOUR_MS, HOUR_MS),
    ];
    const [before] = find(first);
    const after = find(more).find((campaign) => campaign.sellers[0] === 'store')!;
    expect(after.hitCount).toBe(60);
    expect(after.key).toBe(before.key);
    expect(after.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives two sieges of one seller on one day different keys', () => {
    const hits = [
      ...attack(accounts(20), ['store'], 0, HOUR_MS),
      ...attack(accounts(20), ['store'], 10 * HOUR_MS, HOUR_MS),
    ];
    const found = find(hits, { siegeWindowHours: 2 });
    expect(found).toHaveLength(2);
    expect(found[0].key).not.toBe(found[1].key);
  });
});

describe('findCampaigns: rings', () => {
  const stores = ['store-a', 'store-b', 'store-c'];

  it('finds 10 accounts that all refunded at the same 3 sellers within a month', () => {
    const found = find(attack(accounts(10), stores, 0, 20 * DAY_MS));
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'ring',
        accounts: accounts(10),
        sellers: stores,
        hitCount: 30,
      }),
    ]);
  });

  it('ignores 9 such accounts', () => {
    expect(find(attack(accounts(9), stores, 0, 20 * DAY_MS))).toEqual([]);
  });

  it('ignores accounts that each hit only 2 of the sellers', () => {
    const hits = accounts(30).flatMap((name, i) =>
      [stores[i % 3], stores[(i + 1) % 3]].map((seller) => hit(seller, name, i * HOUR_MS)),
    );
    expect(find(hits)).toEqual([]);
  });

  it('does not let one big store join heavy shoppers who share nothing else', () => {
    const hits = accounts(40).flatMap((name, i) =>
      ['big-store', `shop-${i}-a`, `shop-${i}-b`].map((seller) => hit(seller, name, i * HOUR_MS)),
    );
    expect(ofKind(find(hits), 'ring')).toEqual([]);
  });

  it('drops accounts whose third store falls away, and the stores they were propping up', () => {
    // Nine accounts share three stores; two more make ten at each store, but only by counting
    // stores that nobody else hit.
    const hits = [
      ...attack(accounts(9), stores, 0, 5 * DAY_MS),
      ...attack(['x'], ['store-c', 'store-d', 'store-e'], 0, DAY_MS),
      ...attack(['y'], ['store-a', 'store-b', 'store-f'], 0, DAY_MS),
    ];
    expect(find(hits)).toEqual([]);
    const withTenth = [...hits, ...attack(['tenth'], stores, DAY_MS, DAY_MS)];
    expect(find(withTenth)).toEqual([
      expect.objectContaining({ accounts: [...accounts(9), 'tenth'], sellers: stores }),
    ]);
  });

  it.each`
    thirdStoreDay | found
    ${29}         | ${1}
    ${31}         | ${0}
  `(
    'with the third store hit on day $thirdStoreDay finds $found ring',
    ({ thirdStoreDay, found }) => {
      const hits = [
        ...attack(accounts(10), ['store-a'], 0, HOUR_MS),
        ...attack(accounts(10), ['store-b'], 10 * DAY_MS, HOUR_MS),
        ...attack(accounts(10), ['store-c'], thirdStoreDay * DAY_MS, HOUR_MS),
      ];
      expect(find(hits)).toHaveLength(found);
    },
  );

  it('leaves out what the ring’s accounts did at sellers outside it', () => {
    const hits = [
      ...attack(accounts(12), stores, 0, 5 * DAY_MS),
      ...accounts(12).map((name, i) => hit(`own-shop-${i}`, name, DAY_MS)),
    ];
    const [ring] = find(hits);
    expect(ring.sellers).toEqual(stores);
    expect(ring.hitCount).toBe(36);
  });

  it('reports rings that share no account and no seller separately', () => {
    const hits = [
      ...attack(accounts(10), stores, 0, 5 * DAY_MS),
      ...attack(accounts(10, 'other'), ['store-x', 'store-y', 'store-z'], 0, 5 * DAY_MS),
    ];
    expect(find(hits).map((ring) => ring.sellers)).toEqual([
      stores,
      ['store-x', 'store-y', 'store-z'],
    ]);
  });

  it('joins the same crew’s attacks in different months into one ring', () => {
    const hits = [
      ...attack(accounts(10), stores, 0, 5 * DAY_MS),
      ...attack(accounts(10), ['store-x', 'store-y', 'store-z'], 60 * DAY_MS, 5 * DAY_MS),
    ];
    const found = find(hits);
    expect(found).toHaveLength(1);
    expect(found[0].sellers).toEqual([...stores, 'store-x', 'store-y', 'store-z']);
  });

  it('reports a crew that besieges three stores as three sieges and one ring', () => {
    const hits = stores.flatMap((store, day) =>
      attack(accounts(60), [store], day * DAY_MS, 4 * HOUR_MS),
    );
    const found = find(hits);
    expect(ofKind(found, 'siege').map((siege) => siege.sellers)).toEqual([
      ['store-a'],
      ['store-b'],
      ['store-c'],
    ]);
    expect(ofKind(found, 'ring')).toEqual([
      expect.objectContaining({ accounts: accounts(60), sellers: stores, hitCount: 180 }),
    ]);
  });
});

describe('findCampaigns: rules', () => {
  it.each`
    field                      | value
    ${'siegeMinAccounts'}      | ${1}
    ${'siegeMinAccounts'}      | ${2.5}
    ${'siegeWindowHours'}      | ${0}
    ${'siegeWindowHours'}      | ${Number.NaN}
    ${'ringMinSellers'}        | ${1}
    ${'ringMinSharedAccounts'} | ${0}
    ${'ringWindowDays'}        | ${0.5}
  `('refuses $field = $value, naming it', ({ field, value }) => {
    expect(() => find([], { [field as string]: value })).toThrow(
      new RegExp(`^${field as string} must be`),
    );
  });

  it('finds nothing in no hits', () => {
    expect(find([])).toEqual([]);
  });
});
