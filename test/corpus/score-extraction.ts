import type { Distractor, ExpectedIdentifier } from './manifest';

/** An identifier as extraction gives it (NormalizedIdentifier's kind, scope and value). */
export interface FoundIdentifier {
  kind: string;
  scope: string;
  value: string;
}

/** What was read from one screenshot, against what it shows. */
export interface ReadingScore {
  /**
   * Keys "<label> <value>", the label being an identifier kind, a payment account's wallet
   * ("alipay") or "amount".
   */
  matched: string[];
  missed: string[];
  /** Found but not on the screen. */
  invented: string[];
  /** Invented identifiers whose digits come from a timestamp, an order id, an amount or a date. */
  inventedFromDistractors: string[];
}

export interface Counts {
  expected: number;
  found: number;
  matched: number;
}

const labelOfKind = (kind: string, scope: string) =>
  kind === 'payment_account' ? scope || kind : kind;

function expectedKey(identifier: ExpectedIdentifier): string {
  return `${labelOfKind(identifier.kind, identifier.provider ?? '')} ${identifier.value}`;
}

const foundKey = (identifier: FoundIdentifier) =>
  `${labelOfKind(identifier.kind, identifier.scope)} ${identifier.value}`;

const labelOf = (key: string) => key.slice(0, key.indexOf(' '));
const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Whether `value`'s digits are read from one of the distractors, or hold one whole. */
function comesFromDistractor(value: string, distractors: readonly Distractor[]): boolean {
  const digits = digitsOf(value.replace(/^\+86/, ''));
  if (digits.length === 0) return false;
  return distractors.some((distractor) => {
    const distractorDigits = digitsOf(distractor.text);
    return (
      distractorDigits.length > 0 &&
      (distractorDigits.includes(digits) || digits.includes(distractorDigits))
    );
  });
}

/** Compares what extraction found in a screenshot with the manifest's entry for it. */
export function scoreReading(
  shown: { identifiers: ExpectedIdentifier[]; amounts: string[]; distractors: Distractor[] },
  read: { identifiers: FoundIdentifier[]; amounts: string[] },
): ReadingScore {
  const expected = new Set([
    ...shown.identifiers.map(expectedKey),
    ...shown.amounts.map((amount) => `amount ${amount}`),
  ]);
  const found = new Set([
    ...read.identifiers.map(foundKey),
    ...read.amounts.map((amount) => `amount ${amount}`),
  ]);
  const invented = [...found].filter((key) => !expected.has(key));
  return {
    matched: [...expected].filter((key) => found.has(key)),
    missed: [...expected].filter((key) => !found.has(key)),
    invented,
    inventedFromDistractors: invented.filter(
      (key) =>
        labelOf(key) !== 'amount' &&
        comesFromDistractor(key.slice(key.indexOf(' ') + 1), shown.distractors),
    ),
  };
}

/** Totals over readings, of one label or, without one, of every label but amounts. */
export function countsOf(scores: readonly ReadingScore[], label?: string): Counts {
  const counted = (key: string) =>
    label === undefined ? labelOf(key) !== 'amount' : labelOf(key) === label;
  let expected = 0;
  let found = 0;
  let matched = 0;
  for (const score of scores) {
    const hits = score.matched.filter(counted).length;
    matched += hits;
    expected += hits + score.missed.filter(counted).length;
    found += hits + score.invented.filter(counted).length;
  }
  return { expected, found, matched };
}

/** Share of what was shown that was found; 1 when nothing was shown. */
export const recallOf = ({ expected, matched }: Counts) =>
  expected === 0 ? 1 : matched / expected;

/** Share of what was found that was shown; 1 when nothing was found. */
export const precisionOf = ({ found, matched }: Counts) => (found === 0 ? 1 : matched / found);
