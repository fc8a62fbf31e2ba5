export type MoneyResult =
  | { ok: true; amount: string; currency: string }
  | { ok: false; field: 'amount' | 'currency'; message: string };

// Node's full ICU lists the ISO 4217 codes in use today, without withdrawn ones such as DEM.
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const CURRENCY_TEXT = /^[A-Za-z]{3}$/;
const AMOUNT = /^(\d+)(?:\.(\d+))?$/;
const NEGATIVE_AMOUNT = /^-\d+(?:\.\d+)?$/;
const MAX_INTEGER_DIGITS = 12;

const minorDigitsCache = new Map<string, number>();

/** An ISO 4217 code, in either case; `parseMoney` returns it upper-cased. */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY_TEXT.test(code) && CURRENCIES.has(code.toUpperCase());
}

/** Digits after the decimal point: CNY 2, JPY 0, KWD 3. Throws for a code that is not one. */
export function minorDigitsOf(currency: string): number {
  if (!isCurrencyCode(currency)) throw new RangeError(`Not a currency code: ${currency}`);
  const code = currency.toUpperCase();
  const cached = minorDigitsCache.get(code);
  if (cached !== undefined) return cached;
  // Always set for style 'currency'; the type allows undefined because of significant-digit modes.
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  minorDigitsCache.set(code, digits);
  return digits;
}

/**
 * An amount as a string with exactly the currency's minor digits ("50" CNY → "50.00"). Kept as
 * text end to end: a float cannot hold 0.10 exactly, and ransom amounts are evidence.
 */
export function parseMoney(amount: string, currency: string): MoneyResult {
  if (!isCurrencyCode(currency)) {
    return { ok: false, field: 'currency', message: 'is not a currency code such as CNY or USD' };
  }
  const code = currency.toUpperCase();
  const minorDigits = minorDigitsOf(code);

  if (NEGATIVE_AMOUNT.test(amount)) return refuseAmount('must be greater than 0');
  const match = AMOUNT.exec(amount);
  if (match === null) {
    return refuseAmount(
      'must be a plain number such as 50 or 50.00 (no sign, exponent, spaces or thousands separators)',
    );
  }
  const integerDigits = match[1].replace(/^0+(?=\d)/, '');
  // Trailing zeros add no precision, so "1000.00" JPY is still exactly 1000.
  const fractionDigits = (match[2] ?? '').replace(/0+$/, '');

  if (fractionDigits.length > minorDigits) {
    return refuseAmount(
      minorDigits === 0
        ? `cannot have decimal places for ${code}`
        : `has more than ${minorDigits} decimal places for ${code}`,
    );
  }
  if (integerDigits.length > MAX_INTEGER_DIGITS) {
    return refuseAmount(`must have at most ${MAX_INTEGER_DIGITS} digits before the decimal point`);
  }
  if (integerDigits === '0' && fractionDigits === '') return refuseAmount('must be greater than 0');

  const canonical =
    minorDigits === 0
      ? integerDigits
      : `${integerDigits}.${fractionDigits.padEnd(minorDigits, '0')}`;
  return { ok: true, amount: canonical, currency: code };
}

function refuseAmount(message: string): MoneyResult {
  return { ok: false, field: 'amount', message };
}
