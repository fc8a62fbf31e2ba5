import { distinctHitsInOrder, hitOf, type Hit, type HitSource } from './campaign-hits';

const orderedAt = new Date('2026-03-02T10:15:00Z');
const record = (overrides: Partial<HitSource>): HitSource => ({
  sellerId: 'seller-1',
  buyer: 'tb_buyer',
  orderedAt,
  refunded: false,
  rating: null,
  ...overrides,
});

describe('hitOf', () => {
  it.each`
    case                                      | overrides                                       | reason
    ${'a refund'}                             | ${{ refunded: true }}                           | ${'refund'}
    ${'a refund with five stars'}             | ${{ refunded: true, rating: 5 }}                | ${'refund'}
    ${'a refund with one star, counted once'} | ${{ refunded: true, rating: 1 }}                | ${'refund'}
    ${'one star'}                             | ${{ rating: 1 }}                                | ${'bad_review'}
    ${'two stars'}                            | ${{ rating: 2 }}                                | ${'bad_review'}
    ${'three stars'}                          | ${{ rating: 3 }}                                | ${null}
    ${'five stars'}                           | ${{ rating: 5 }}                                | ${null}
    ${'no rating and no refund'}              | ${{}}                                           | ${null}
    ${'a rating outside 1..5'}                | ${{ rating: 0 }}                                | ${null}
    ${'no buyer'}                             | ${{ refunded: true, buyer: null }}              | ${null}
    ${'a blank buyer'}                        | ${{ refunded: true, buyer: '  ' }}              | ${null}
    ${'a masked buyer (Taobao "t**1")'}       | ${{ refunded: true, buyer: 't**1' }}            | ${null}
    ${'a masked buyer (张*)'}                 | ${{ rating: 1, buyer: '张*' }}                  | ${null}
    ${'no order time'}                        | ${{ refunded: true, orderedAt: null }}          | ${null}
    ${'an order time that is not a time'}     | ${{ refunded: true, orderedAt: new Date(NaN) }} | ${null}
  `('gives $reason for $case', ({ overrides, reason }) => {
    const hit = hitOf(record(overrides as Partial<HitSource>));
    expect(hit?.reason ?? null).toBe(reason);
  });

  it('names the seller, the trimmed account and the order time', () => {
    expect(hitOf(record({ buyer: ' tb_buyer ', refunded: true }))).toEqual({
      sellerId: 'seller-1',
      account: 'tb_buyer',
      at: orderedAt,
      reason: 'refund',
    });
  });

  it('does not share the record’s Date, so changing one cannot move the other', () => {
    const source = record({ refunded: true, orderedAt: new Date(orderedAt) });
    const hit = hitOf(source)!;
    source.orderedAt!.setUTCFullYear(2000);
    expect(hit.at).toEqual(orderedAt);
  });
});

describe('distinctHitsInOrder', () => {
  const hit = (account: string, iso: string, reason: Hit['reason'] = 'refund'): Hit => ({
    sellerId: 'seller-1',
    account,
    at: new Date(iso),
    reason,
  });

  it('keeps one of each seller, account, time and reason, in time order', () => {
    const hits = [
      hit('b', '2026-03-02T11:00:00Z'),
      hit('a', '2026-03-02T10:00:00Z'),
      hit('b', '2026-03-02T11:00:00Z'),
      hit('b', '2026-03-02T11:00:00Z', 'bad_review'),
      hit('c', 'not a time'),
    ];
    expect(distinctHitsInOrder(hits)).toEqual([hits[1], hits[3], hits[0]]);
  });
});
