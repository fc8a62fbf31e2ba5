import { isTimestamp } from './is-timestamp';

describe('timestamps with an offset', () => {
  it.each(['2026-11-18T09:30:00Z', '2026-11-18T09:30+08:00', '2026-11-18T09:30:00.123456-05:00'])(
    'accepts %s',
    (value) => expect(isTimestamp(value)).toBe(true),
  );

  it.each([
    '2026-11-18T09:30:00',
    '2026-11-18',
    '2026-W47',
    '20261118',
    '2026-322',
    '2026-11-18T09Z',
    '2026-13-40T09:30:00Z',
    '2026-11-18 09:30:00Z',
    '2026-02-30T09:30:00Z',
    '2026-11-18T25:00:00Z',
  ])('refuses %s', (value) => expect(isTimestamp(value)).toBe(false));
});
