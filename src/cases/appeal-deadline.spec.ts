import { appealDeadline } from './appeal-deadline';

const decidedAt = new Date('2026-12-01T08:00:00Z');

describe('appealDeadline', () => {
  it('is the window after the decision', () => {
    expect(
      appealDeadline({ status: 'resolved', decidedAt, appealedAt: null }, 14)?.toISOString(),
    ).toBe('2026-12-15T08:00:00.000Z');
  });

  it('is none before a decision, after the one appeal, or for a merged case without one', () => {
    expect(
      appealDeadline({ status: 'in_review', decidedAt: null, appealedAt: null }, 14),
    ).toBeNull();
    expect(appealDeadline({ status: 'resolved', decidedAt, appealedAt: decidedAt }, 14)).toBeNull();
    expect(
      appealDeadline({ status: 'resolved', decidedAt: null, appealedAt: null }, 14),
    ).toBeNull();
  });
});
