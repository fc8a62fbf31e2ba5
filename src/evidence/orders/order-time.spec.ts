import { parseUtcOffset, readOrderTime } from './order-time';

const BEIJING = { utcOffsetMinutes: 480, date1904: false };

describe('reading an order time', () => {
  it.each([
    ['wall time in the seller’s offset', '2026-11-18 09:30:00', '2026-11-18T01:30:00.000Z'],
    ['slashes and no seconds', '2026/11/18 9:30', '2026-11-18T01:30:00.000Z'],
    ['Chinese date marks', '2026年11月18日 09:30:00', '2026-11-18T01:30:00.000Z'],
    ['a date alone', '2026-11-18', '2026-11-17T16:00:00.000Z'],
    ['ISO with +00:00', '2026-11-18T09:30:00+00:00', '2026-11-18T09:30:00.000Z'],
    ['ISO with Z and milliseconds', '2026-11-18T09:30:00.125Z', '2026-11-18T09:30:00.125Z'],
    ['an offset without a colon', '2026-11-18 09:30:00 -0500', '2026-11-18T14:30:00.000Z'],
    ['UTC spelled out', '2026-11-18 09:30:00 UTC', '2026-11-18T09:30:00.000Z'],
    ['a leap day', '2028-02-29 12:00', '2028-02-29T04:00:00.000Z'],
  ])('reads %s', (_what, cell, iso) => {
    expect(readOrderTime(cell, BEIJING)).toEqual({ ok: true, time: new Date(iso) });
  });

  it('reads a spreadsheet date as wall time in the seller’s offset', () => {
    const wallClock = new Date(Date.UTC(2026, 10, 18, 9, 30));
    expect(readOrderTime(wallClock, BEIJING)).toEqual({
      ok: true,
      time: new Date('2026-11-18T01:30:00.000Z'),
    });
  });

  it.each([
    ['the 1900 system', false, 46344.395833333336],
    ['the 1904 system', true, 44882.395833333336],
  ])('reads a day serial of %s as wall time in the seller’s offset', (_what, date1904, serial) => {
    expect(readOrderTime(serial, { utcOffsetMinutes: 480, date1904 })).toEqual({
      ok: true,
      time: new Date('2026-11-18T01:30:00.000Z'),
    });
  });

  it.each([null, '', ' '])('takes %j for no time', (cell) => {
    expect(readOrderTime(cell, BEIJING)).toEqual({ ok: true, time: null });
  });

  it.each([
    'yesterday',
    '2026-02-30 10:00',
    '2026-11-18 24:00',
    '2026-13-01',
    '18/11/2026',
    1763458200,
    12,
  ])('refuses %j', (cell) => {
    expect(readOrderTime(cell, BEIJING)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^order time ".*" is not a date$/),
    });
  });
});

describe('reading a UTC offset', () => {
  it.each([
    ['+08:00', 480],
    ['-05:00', -300],
    ['+0530', 330],
    ['+09', 540],
    ['Z', 0],
  ])('reads %s as %i minutes', (offset, minutes) => {
    expect(parseUtcOffset(offset)).toBe(minutes);
  });

  it.each(['8', '+8:00', '+25:00', 'Asia/Shanghai'])('refuses %s', (offset) => {
    expect(() => parseUtcOffset(offset)).toThrow(RangeError);
  });
});
