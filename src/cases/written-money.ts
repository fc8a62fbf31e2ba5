import { isCurrencyCode, minorDigitsOf, parseMoney } from './money';

/** The ways of writing a sum that every refusal lists, so that the seller can pick one. */
export const WRITTEN_MONEY_FORMS = [
  '50.00',
  '¥50',
  '￥50',
  '50元',
  '50块',
  'RMB 50',
  'CNY 50',
  '$30',
  'USD 30',
] as const;

const ACCEPTED = `write one amount as ${WRITTEN_MONEY_FORMS.slice(0, -1).join(', ')} or ${WRITTEN_MONEY_FORMS.at(-1)}`;

/** The currency a sign or word names, and the codes it may also stand for. */
interface CurrencyMarker {
  currency: string;
  agreesWith: readonly string[];
}

const YUAN: CurrencyMarker = { currency: 'CNY', agreesWith: ['CNY'] };
const US_DOLLAR: CurrencyMarker = { currency: 'USD', agreesWith: ['USD'] };
const MARKERS: Record<string, CurrencyMarker> = {
  // ¥ is the yen's sign too, and $ that of every dollar: a currency field may say which.
  '¥': { currency: 'CNY', agreesWith: ['CNY', 'JPY'] },
  $: { currency: 'USD', agreesWith: ['USD', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD', 'NZD'] },
  us$: US_DOLLAR,
  rmb: YUAN,
  人民币: YUAN,
  元: YUAN,
  元钱: YUAN,
  块: YUAN,
  块钱: YUAN,
  美元: US_DOLLAR,
  美金: US_DOLLAR,
};

// Read after NFKC folding (￥ becomes ¥, full-width digits ASCII) and lower-casing.
const WRITTEN =
  /^(?<prefix>us\$|[¥$]|人民币|[a-z]{3})?\s*(?<number>-?[\d.,]+)\s*(?<suffix>[元块]钱?|人民币|美元|美金|[a-z]{3})?$/u;
// Commas only between groups of three: "1,000.50" is a thousand, "1,2" could be 1.2 or 12.
const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const ZERO = /^-?0+(?:\.0+)?$/;
const RANGE = /\d\s*(?:[-~〜—–]|到|至)\s*-?\d/u;
const WORDS = /[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/u;
const UNGROUPED_COMMA = /\d,\d/;

export interface MoneyWritingOptions {
  /** What the currency field says, if it was filled in. */
  currency?: string;
  /** The platform's currency (PLATFORM_CURRENCY), for a sum written without one. */
  defaultCurrency: string | null;
  /** Nothing paid is an answer; nothing demanded is not. */
  allowZero: boolean;
}

export type WrittenMoneyResult =
  | { ok: true; amount: string; currency: string; currencyFrom: 'text' | 'field' | 'platform' }
  | { ok: false; field: 'amount' | 'currency'; message: string };

/**
 * A sum as a seller writes it ("¥50", "50元", "RMB 50", "$30", "50.00"), exact, in the currency
 * its sign or word names, or else the currency field's, or else the platform's. A sign and a
 * field that disagree, and what cannot be read as exactly one amount (a range, Chinese numerals,
 * a comma that may be a decimal point), are refused with the forms that are accepted.
 */
export function readWrittenMoney(
  written: string,
  options: MoneyWritingOptions,
): WrittenMoneyResult {
  if (options.currency !== undefined && !isCurrencyCode(options.currency)) {
    return { ok: false, field: 'currency', message: 'is not a currency code such as CNY or USD' };
  }
  const field = options.currency?.toUpperCase();
  const folded = written.normalize('NFKC').trim().toLowerCase();
  const parts = WRITTEN.exec(folded)?.groups;
  const prefix = parts?.prefix === undefined ? null : markerOf(parts.prefix);
  const suffix = parts?.suffix === undefined ? null : markerOf(parts.suffix);
  if (!parts || !NUMBER.test(parts.number) || prefix === undefined || suffix === undefined) {
    return unreadable(whyUnreadable(folded));
  }
  const marker = prefix && suffix ? bothMarkers(prefix, suffix) : (prefix ?? suffix);
  if (marker === undefined) return unreadable('names two different currencies');
  if (marker && field && !marker.agreesWith.includes(field)) {
    return unreadable(`is written in ${marker.currency} but the currency given is ${field}`);
  }
  const currency = field ?? marker?.currency ?? options.defaultCurrency;
  if (!currency) {
    return {
      ok: false,
      field: 'currency',
      message: `is needed: the amount names none, and the platform has no usual currency; choose one, or ${ACCEPTED}`,
    };
  }
  const currencyFrom = field ? 'field' : marker ? 'text' : 'platform';
  const number = parts.number.replace(/,/g, '');
  if (options.allowZero && ZERO.test(number)) {
    const digits = minorDigitsOf(currency);
    const amount = digits > 0 ? `0.${'0'.repeat(digits)}` : '0';
    return { ok: true, amount, currency: currency.toUpperCase(), currencyFrom };
  }
  if (options.allowZero && number.startsWith('-')) {
    return { ok: false, field: 'amount', message: 'must not be negative' };
  }
  const money = parseMoney(number, currency);
  return money.ok ? { ...money, currencyFrom } : money;
}

/** The marker a sign or word is; null for none; undefined for a word that is no currency. */
function markerOf(written: string): CurrencyMarker | undefined {
  if (Object.hasOwn(MARKERS, written)) return MARKERS[written];
  const code = written.toUpperCase();
  return isCurrencyCode(code) ? { currency: code, agreesWith: [code] } : undefined;
}

/** "人民币50元" names CNY twice and "¥50 JPY" says which ¥; "$50元" names two currencies. */
function bothMarkers(prefix: CurrencyMarker, suffix: CurrencyMarker): CurrencyMarker | undefined {
  if (prefix.agreesWith.includes(suffix.currency)) return suffix;
  if (suffix.agreesWith.includes(prefix.currency)) return prefix;
  return undefined;
}

function whyUnreadable(folded: string): string {
  if (RANGE.test(folded)) return 'is a range, not one amount';
  if (WORDS.test(folded)) return 'is written in Chinese numerals; write it in digits';
  if (UNGROUPED_COMMA.test(folded)) {
    return 'has a comma that could be a decimal point or a thousands separator';
  }
  return 'cannot be read as an amount';
}

function unreadable(why: string): WrittenMoneyResult {
  return {
    ok: false,
    field: 'amount',
    message: `${why}; ${ACCEPTED}`,
  };
}
