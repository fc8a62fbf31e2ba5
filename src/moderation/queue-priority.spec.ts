import { PriorityInputs, queuePriority } from './queue-priority';

const now = new Date('2026-12-06T12:00:00Z');
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);
const days = (n: number) => hours(24 * n);

const quiet: PriorityInputs = {
  type: 'malicious_review',
  status: 'open',
  repeatOffender: false,
  inCampaign: false,
  amountDemanded: null,
  demandDeadline: null,
  sellerSince: days(-400),
  waitingSince: now,
  appealed: false,
  answered: false,
  serviceLevelDueAt: null,
};

const pointsOf = (inputs: Partial<PriorityInputs>) =>
  Object.fromEntries(
    queuePriority({ ...quiet, ...inputs }, now).terms.map((term) => [term.term, term.points]),
  );

describe('queuePriority', () => {
  it('ranks the case the issue names first: an extortion with a deadline by a repeat offender against a new seller', () => {
    const urgent = queuePriority(
      {
        ...quiet,
        type: 'extortion',
        repeatOffender: true,
        amountDemanded: 50,
        demandDeadline: hours(6),
        sellerSince: days(-3),
      },
      now,
    );
    const others = [
      queuePriority({ ...quiet, type: 'extortion', amountDemanded: 5000 }, now),
      queuePriority({ ...quiet, type: 'ad_click_attack', inCampaign: true }, now),
      queuePriority({ ...quiet, waitingSince: days(-5) }, now),
    ];
    for (const other of others) expect(urgent.priority).toBeGreaterThan(other.priority);
    expect(urgent.terms.map((term) => term.term)).toEqual([
      'severity',
      'repeat_offender',
      'amount_demanded',
      'deadline',
      'new_seller',
    ]);
  });

  it('is the sum of its terms', () => {
    const ranked = queuePriority(
      { ...quiet, type: 'extortion', inCampaign: true, appealed: true, amountDemanded: 99 },
      now,
    );
    const sum = ranked.terms.reduce((total, term) => total + term.points, 0);
    expect(ranked.priority).toBeCloseTo(sum, 5);
    expect(
      pointsOf({ type: 'extortion', inCampaign: true, appealed: true, amountDemanded: 99 }),
    ).toEqual({
      severity: 40,
      campaign: 20,
      appeal: 10,
      amount_demanded: 10,
    });
  });

  it('weighs a deadline more as it nears, fully once it has passed, and not beyond three days', () => {
    expect(pointsOf({ demandDeadline: hours(100) }).deadline).toBeUndefined();
    const far = pointsOf({ demandDeadline: hours(48) }).deadline;
    const near = pointsOf({ demandDeadline: hours(2) }).deadline;
    expect(near).toBeGreaterThan(far);
    expect(pointsOf({ demandDeadline: hours(-1) }).deadline).toBe(25);
  });

  it('sinks a case waiting on its seller, and raises it once they answer', () => {
    const asked = queuePriority({ ...quiet, status: 'awaiting_seller' }, now).priority;
    const fresh = queuePriority(quiet, now).priority;
    const answered = queuePriority({ ...quiet, status: 'in_review', answered: true }, now).priority;
    expect(asked).toBeLessThan(fresh);
    expect(answered).toBeGreaterThan(fresh);
  });

  it('weighs a service level more as it nears, fully once it is missed', () => {
    expect(pointsOf({ serviceLevelDueAt: hours(10) }).service_level).toBeUndefined();
    expect(pointsOf({ serviceLevelDueAt: hours(2) }).service_level).toBeGreaterThan(
      pointsOf({ serviceLevelDueAt: hours(6) }).service_level,
    );
    expect(pointsOf({ serviceLevelDueAt: hours(-3) }).service_level).toBe(25);
  });

  it('caps what an amount and a wait can add', () => {
    expect(pointsOf({ amountDemanded: 1e12 }).amount_demanded).toBe(15);
    expect(pointsOf({ waitingSince: days(-30) }).waiting).toBe(24);
    expect(pointsOf({ waitingSince: hours(-5) }).waiting).toBe(2);
  });

  it('weighs new sellers, less each day, and not after thirty days', () => {
    expect(pointsOf({ sellerSince: now }).new_seller).toBe(10);
    expect(pointsOf({ sellerSince: days(-15) }).new_seller).toBe(5);
    expect(pointsOf({ sellerSince: days(-31) }).new_seller).toBeUndefined();
  });

  it('says when a time-dependent term next changes, and never for a case with none left', () => {
    const waiting = queuePriority({ ...quiet, waitingSince: hours(-1) }, now);
    expect(waiting.rescoreAt).toEqual(hours(1));
    const deadline = queuePriority(
      { ...quiet, waitingSince: days(-9), demandDeadline: hours(10.5) },
      now,
    );
    expect(deadline.rescoreAt).toEqual(hours(0.5));
    const later = queuePriority(
      { ...quiet, waitingSince: days(-9), demandDeadline: hours(10.5) },
      hours(0.5),
    );
    expect(later.terms.find((term) => term.term === 'deadline')!.points).toBeGreaterThan(
      deadline.terms.find((term) => term.term === 'deadline')!.points,
    );
    expect(queuePriority({ ...quiet, waitingSince: days(-9) }, now).rescoreAt).toBeNull();
  });
});
