import fc from 'fast-check';
import { isCurrencyCode, minorDigitsOf, parseMoney } from './money';

const PLAIN_NUMBER =
  'must be a plain number such as 50 or 50.00 (no sign, exponent, spaces or thousands separators)';
const CURRENCY_MESSAGE = 'is not a currency code such as CNY or USD';
const CURRENCIES = Intl.supportedValuesOf('currency');

describe('parseMoney', () => {
  it.each([
    ['50', 'CNY', '50.00', 'CNY'],
    ['50.5', 'CNY', '50.50', 'CNY'],
    ['50.05', 'cny', '50.05', 'CNY'],
    ['0.01', 'CNY', '0.01', 'CNY'],
    ['007.10', 'USD', '7.10', 'USD'],
    ['50.000', 'CNY', '50.00', 'CNY'],
    ['1000', 'JPY', '1000', 'JPY'],
    ['1000.00', 'jpy', '1000', 'JPY'],
    ['0.5', 'KWD', '0.500', 'KWD'],
    ['1.234', 'KWD', '1.234', 'KWD'],
    ['999999999999.99', 'CNY', '999999999999.99', 'CNY'],
  ])('reads %j %s as %s %s', (amount, currency, canonical, code) => {
    expect(parseMoney(amount, currency)).toEqual({ ok: true, amount: canonical, currency: code });
  });

  it.each([
    ['50.001', 'CNY', 'has more than 2 decimal places for CNY'],
    ['1.2345', 'KWD', 'has more than 3 decimal places for KWD'],
    ['1000.5', 'JPY', 'cannot have decimal places for JPY'],
    ['0', 'CNY', 'must be greater than 0'],
    ['0.00', 'CNY', 'must be greater than 0'],
    ['-5', 'CNY', 'must be greater than 0'],
    ['-0.01', 'CNY', 'must be greater than 0'],
    ['1000000000000', 'CNY', 'must have at most 12 digits before the decimal point'],
    ['1e3', 'CNY', PLAIN_NUMBER],
    ['1,000', 'CNY', PLAIN_NUMBER],
    [' 5', 'CNY', PLAIN_NUMBER],
    ['5 ', 'CNY', PLAIN_NUMBER],
    ['+5', 'CNY', PLAIN_NUMBER],
    ['.5', 'CNY', PLAIN_NUMBER],
    ['5.', 'CNY', PLAIN_NUMBER],
    ['', 'CNY', PLAIN_NUMBER],
    ['１０００', 'CNY', PLAIN_NUMBER],
    ['NaN', 'CNY', PLAIN_NUMBER],
    ['Infinity', 'CNY', PLAIN_NUMBER],
  ])('refuses the amount %j %s', (amount, currency, message) => {
    expect(parseMoney(amount, currency)).toEqual({ ok: false, field: 'amount', message });
  });

  it.each(['XYZ', 'CN', 'CNYY', 'RMB', '¥', ' CNY', 'DEM', ''])(
    'refuses the currency %j, before looking at the amount',
    (currency) => {
      expect(parseMoney('-5', currency)).toEqual({
        ok: false,
        field: 'currency',
        message: CURRENCY_MESSAGE,
      });
    },
  );

  it('reads its own canonical amount back unchanged', () => {
    const input = fc.tuple(
      fc.stringMatching(/^\d{1,13}(\.\d{1,5})?$/),
      fc.constantFrom(...CURRENCIES),
    );
    fc.assert(
      fc.property(input, ([amount, currency]) => {
        const first = parseMoney(amount, currency);
        if (!first.ok) return true;
        expect(parseMoney(first.amount, first.currency)).toEqual(first);
      }),
    );
  });

  it('round-trips any whole number of minor units in any currency', () => {
    const input = fc.constantFrom(...CURRENCIES).chain((currency) => {
      const scale = 10n ** BigInt(minorDigitsOf(currency));
      return fc
        .bigInt({ min: 1n, max: 10n ** 12n * scale - 1n })
        .map((minorUnits) => ({ currency, scale, minorUnits }));
    });
    fc.assert(
      fc.property(input, ({ currency, scale, minorUnits }) => {
        const fraction = (minorUnits % scale).toString().padStart(scale.toString().length - 1, '0');
        const amount = `${minorUnits / scale}${scale > 1n ? `.${fraction}` : ''}`;
        const result = parseMoney(amount, currency);
        expect(result).toEqual({ ok: true, amount, currency });
        expect(result.ok && BigInt(result.amount.replace('.', ''))).toBe(minorUnits);
      }),
    );
  });
});

describe('isCurrencyCode', () => {
  it.each([
    ['CNY', true],
    ['usd', true],
    ['KWD', true],
    ['XYZ', false],
    ['DEM', false],
    ['CNYY', false],
    ['', false],
  ])('%j → %s', (code, expected) => expect(isCurrencyCode(code)).toBe(expected));
});

describe('minorDigitsOf', () => {
  it.each([
    ['CNY', 2],
    ['usd', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has %i', (currency, digits) => expect(minorDigitsOf(currency)).toBe(digits));

  it('throws for a code that is not a currency, since callers check it first', () => {
    expect(() => minorDigitsOf('XYZ')).toThrow(RangeError);
  });
});
