import { formatBytes, formatDateTime, formatMoney } from './formats';

describe('web formats', () => {
  it('writes a moment on the case’s wall clock, naming the offset', () => {
    expect(formatDateTime('2026-12-06T16:30:00Z', 'en', '+08:00')).toBe(
      'Dec 7, 2026, 12:30 AM (UTC+08:00)',
    );
    expect(formatDateTime('2026-12-06T16:30:00Z', 'zh', '+08:00')).toBe(
      '2026年12月7日 00:30 (UTC+08:00)',
    );
    expect(formatDateTime('2026-12-06T16:30:00Z', 'en', '-05:00')).toBe(
      'Dec 6, 2026, 11:30 AM (UTC-05:00)',
    );
  });

  it('writes money with the currency’s symbol and the digits it was given', () => {
    expect(formatMoney('200', 'CNY', 'zh')).toBe('¥200');
    expect(formatMoney('200.50', 'CNY', 'en')).toBe('CN¥200.50');
    expect(formatMoney('30', 'USD', 'en')).toBe('$30');
  });

  it('writes sizes in the largest unit above one', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(25 * 1024 * 1024, 'en')).toBe('25 MB');
    expect(formatBytes(1536, 'zh')).toBe('1.5 KB');
  });
});
