import { readOrderId } from './order-id';

describe('reading an order number', () => {
  it.each([
    ['plain text', '3318827765001', '3318827765001'],
    ['surrounding spaces', '  3318827765001 ', '3318827765001'],
    ['a leading tab, as Taobao writes it', '\t3318827765001', '3318827765001'],
    ['a leading apostrophe', "'3318827765001", '3318827765001'],
    ['an ="…" guard', '="3318827765001"', '3318827765001'],
    ['letters and dashes', '114-3941689-8772232', '114-3941689-8772232'],
    ['a number Excel keeps exactly', 3318827765001, '3318827765001'],
  ])('keeps the id written as %s', (_how, cell, orderId) => {
    expect(readOrderId(cell)).toEqual({ ok: true, orderId });
  });

  it.each([
    ['an empty cell', null, 'no order number'],
    ['blank text', '   ', 'no order number'],
    ['an empty ="" guard', '=""', 'no order number'],
    ['Excel’s scientific notation', '3.31883E+12', 'order number 3.31883E+12 was rounded by Excel'],
    [
      'a number past 15 digits',
      3318827765001234,
      'order number 3318827765001234 was rounded by Excel',
    ],
    ['a fraction', 12.5, 'order number 12.5 was rounded by Excel'],
    [
      'a formula',
      '=HYPERLINK("http://x","y")',
      'order number "=HYPERLINK(\\"http://x\\",\\"y\\")" is a formula',
    ],
    ['a date', new Date(Date.UTC(2026, 0, 2)), 'order number "2026-01-02T00:00:00.000Z" is a date'],
  ])('refuses %s', (_what, cell, reason) => {
    expect(readOrderId(cell)).toEqual({ ok: false, reason });
  });
});
