export type Currency = 'CNY' | 'USD';

export interface DemandedAmount {
  /** Exact, with two decimals: "1200.50". */
  amount: string;
  currency: Currency;
  /** From 0 to 1: higher when a demand word ("给", "转", "pay") stands near the amount. */
  confidence: number;
}

export interface AmountOptions {
  /**
   * The currency of the case's platform (PLATFORM_CURRENCY), for a sum written with none; without
   * one, only sums with a currency sign or word are read.
   */
  defaultCurrency?: Currency | null;
  /** The text is OCR output, where a Y before a number was a ¥ and a line break may split a sum. */
  readByOcr?: boolean;
}

const NEAR_DEMAND = 0.9;
const CURRENCY_ONLY = 0.6;
const PLATFORM_CURRENCY_NEAR_DEMAND = 0.5;

// Grouped with commas, or plain; never followed by more digits that a comma or point would join.
const NUMBER = String.raw`(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[.,]\d)`;
// A sum with no currency counts only written as money is, with cents: "给我50.00".
const BARE_NUMBER = String.raw`(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}(?!\d|[.,]\d)`;
// "50-100元" and "50到100块" name no one sum: neither end is read.
const RANGE_DASH = String.raw`(?:[-~〜—–]|到|至)`;
const NOT_AFTER_RANGE = String.raw`(?<!\d *${RANGE_DASH} *)`;
const NOT_BEFORE_RANGE = String.raw`(?! *${RANGE_DASH} *\d)`;
const MULTIPLIER = String.raw`(?:万|千|k(?![a-z]))`;
const PREFIX = String.raw`(?<![a-z])(?:us\$|usd|rmb|cny)|[¥$]`;
// OCR reads ¥ as Y, and may break the line between a sum and its 元.
const PREFIX_READ_BY_OCR = String.raw`${PREFIX}|(?<![a-z])y(?= *\d)`;
const SUFFIX = String.raw`块|元|人民币|美元|美金|(?:rmb|cny|usd|dollars?|bucks?)(?![a-z])|[¥$]`;

function amountPattern(prefix: string, suffixGap: string): RegExp {
  return new RegExp(
    `(?<prefix>${prefix}) *(?<prefixed>${NUMBER}) *(?<prefixedMultiplier>${MULTIPLIER})?${NOT_BEFORE_RANGE}` +
      `|${NOT_AFTER_RANGE}(?<suffixed>${NUMBER})${suffixGap}(?<suffixedMultiplier>${MULTIPLIER})?${suffixGap}(?<suffix>${SUFFIX})` +
      `|${NOT_AFTER_RANGE}(?<bare>${BARE_NUMBER})${NOT_BEFORE_RANGE}`,
    'gi',
  );
}

const AMOUNT = amountPattern(PREFIX, ' *');
const AMOUNT_READ_BY_OCR = amountPattern(PREFIX_READ_BY_OCR, String.raw`\s*`);
const MULTIPLIERS: Record<string, bigint> = { 万: 10_000n, 千: 1_000n, k: 1_000n };
const DOLLAR_MARKERS = /^(?:us\$|usd|\$|美元|美金|dollars?|bucks?)$/i;

const DEMAND_WORD =
  /给|转|付|赔|补偿|删|打款|红包|\b(?:pay(?:ment)?|send|transfer|refund|compensat(?:e|ion)|wire)\b/i;
const DEMAND_WINDOW = 12;
// A demand word in the next sentence belongs to another sum. The ASCII "." is left out: it is
// as often a decimal point.
const SENTENCE_END = /[\n。!?;]/;

/**
 * Sums of money with a currency marker, as a blackmailer demands them ("给我50元就删差评",
 * "pay $30"), and sums written with cents but no currency next to a demand word ("给我50.00"),
 * in the platform's currency: each amount in a currency once, at its highest confidence, in order
 * of first mention. A range ("50-100元") is no one sum and gives none.
 */
export function extractAmountsDemanded(
  text: string,
  options: AmountOptions = {},
): DemandedAmount[] {
  // A full-width comma is Chinese punctuation, never a thousands separator: "给50，200块就删".
  const folded = text.replace(/，/g, '、').normalize('NFKC');
  const byKey = new Map<string, DemandedAmount>();
  for (const match of folded.matchAll(options.readByOcr ? AMOUNT_READ_BY_OCR : AMOUNT)) {
    const groups = match.groups ?? {};
    const nearDemand = nearDemandWord(folded, match.index, match.index + match[0].length);
    const found =
      groups.bare === undefined
        ? readAmount(groups)
        : nearDemand
          ? readBareAmount(groups.bare, options.defaultCurrency)
          : undefined;
    if (found === undefined) continue;
    const confidence =
      groups.bare !== undefined
        ? PLATFORM_CURRENCY_NEAR_DEMAND
        : nearDemand
          ? NEAR_DEMAND
          : CURRENCY_ONLY;
    const key = `${found.currency} ${found.amount}`;
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, { ...found, confidence });
    else first.confidence = Math.max(first.confidence, confidence);
  }
  return [...byKey.values()];
}

function readBareAmount(
  number: string,
  currency: Currency | null | undefined,
): Omit<DemandedAmount, 'confidence'> | undefined {
  const cents = toCents(number, 1n);
  if (!currency || cents === undefined || cents === 0n) return undefined;
  return { amount: formatCents(cents), currency };
}

function readAmount(
  groups: Record<string, string | undefined>,
): Omit<DemandedAmount, 'confidence'> | undefined {
  const number = groups.prefixed ?? groups.suffixed ?? '';
  const marker = groups.prefix ?? groups.suffix ?? '';
  const multiplier = groups.prefixedMultiplier ?? groups.suffixedMultiplier;
  const cents = toCents(
    number,
    multiplier === undefined ? 1n : MULTIPLIERS[multiplier.toLowerCase()],
  );
  // "0元购" is a scam's slogan, not a demand.
  if (cents === undefined || cents === 0n) return undefined;
  return { amount: formatCents(cents), currency: DOLLAR_MARKERS.test(marker) ? 'USD' : 'CNY' };
}

/** Exact arithmetic: a sum of money must not pick up binary floating-point error. */
function toCents(number: string, multiplier: bigint): bigint | undefined {
  const [whole, fraction = ''] = number.replace(/,/g, '').split('.');
  const scaled = BigInt(whole + fraction) * multiplier * 100n;
  const divisor = 10n ** BigInt(fraction.length);
  return scaled % divisor === 0n ? scaled / divisor : undefined;
}

function formatCents(cents: bigint): string {
  const digits = cents.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function nearDemandWord(text: string, start: number, end: number): boolean {
  const before =
    text
      .slice(Math.max(0, start - DEMAND_WINDOW), start)
      .split(SENTENCE_END)
      .pop() ?? '';
  const after = text.slice(end, end + DEMAND_WINDOW).split(SENTENCE_END)[0];
  return DEMAND_WORD.test(before) || DEMAND_WORD.test(after);
}
