import {
  activitySpan,
  campaignActivity,
  dateOfHour,
  hourOf,
  HourActivity,
  MARGIN_HOURS,
  MAX_WINDOW_HOURS,
  NORMAL_MIN_HOURS,
} from './campaign-activity';

const START = new Date('2026-11-02T08:05:00Z');
const END = new Date('2026-11-02T16:55:00Z');

const bucket = (hour: number, orders: number, refunds = 0, badReviews = 0): HourActivity => ({
  hour,
  orders,
  refunds,
  badReviews,
});

describe('campaignActivity', () => {
  const span = activitySpan(START, END);

  it('shows every hour of the attack with a margin either side, quiet hours as zeros', () => {
    const attackHour = hourOf(START);
    const { hours } = campaignActivity([bucket(attackHour, 10, 10, 10)], span);
    expect(dateOfHour(hours[0].hour)).toEqual(new Date('2026-11-02T02:00:00Z'));
    expect(dateOfHour(hours[hours.length - 1].hour)).toEqual(new Date('2026-11-02T22:00:00Z'));
    expect(hours).toHaveLength(9 + 2 * MARGIN_HOURS);
    expect(hours[MARGIN_HOURS]).toEqual(bucket(attackHour, 10, 10, 10));
    expect(hours[MARGIN_HOURS + 1]).toEqual(bucket(attackHour + 1, 0));
  });

  it('takes the normal as the mean per hour from the first order before the window', () => {
    const history = Array.from({ length: 48 }, (_, i) =>
      bucket(span.fromHour - 48 + i, 2, i % 12 === 0 ? 1 : 0),
    );
    const { normal } = campaignActivity(history, span);
    expect(normal).toEqual({
      rates: { orders: 2, refunds: 4 / 48, badReviews: 0 },
      fromHour: span.fromHour - 48,
      toHour: span.fromHour,
    });
  });

  it('counts quiet hours of the history in the normal, and ignores orders in the window', () => {
    const history = [bucket(span.fromHour - 30, 30), bucket(span.fromHour + 3, 500, 500)];
    expect(campaignActivity(history, span).normal?.rates).toEqual({
      orders: 1,
      refunds: 0,
      badReviews: 0,
    });
  });

  it('has no normal when the exports start less than a day before the window', () => {
    const history = [bucket(span.fromHour - (NORMAL_MIN_HOURS - 1), 5)];
    expect(campaignActivity(history, span).normal).toBeNull();
    expect(campaignActivity([], span).normal).toBeNull();
  });

  it('looks no further back than the look-back for the normal', () => {
    const history = [bucket(span.lookbackFromHour - 1, 1000), bucket(span.fromHour - 100, 100)];
    expect(campaignActivity(history, span).normal?.rates.orders).toBe(1);
  });

  it('caps a long campaign at the most bars a chart can show', () => {
    const long = activitySpan(START, new Date(START.getTime() + 40 * 24 * 3_600_000));
    expect(long.toHour - long.fromHour).toBe(MAX_WINDOW_HOURS);
    expect(campaignActivity([], long).hours).toHaveLength(MAX_WINDOW_HOURS);
  });
});
