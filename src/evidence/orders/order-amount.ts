import { type CellValue, isBlankCell, quoteCell } from './export-row';

export type AmountReading =
  { ok: true; amount: string | null; currencySign: string | null } | { ok: false; reason: string };

/**
 * A money amount as exports write it: a currency sign or code before it ("¥", "US$", "CNY"), a
 * minus before or after the sign, thousands grouped by commas, "元" or a code after it.
 */
const AMOUNT =
  /^(?<minus>-?)(?:(?<sign>[A-Z]{0,3}\$|[¥￥€£]|[A-Z]{3})(?<signMinus>-?))?(?<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:元|[A-Z]{3})?$/i;

/** The amount in a cell as an exact decimal string, never through a float. */
export function readAmount(cell: CellValue, field: string): AmountReading {
  if (isBlankCell(cell)) return { ok: true, amount: null, currencySign: null };
  const text = typeof cell === 'number' ? String(cell) : cell instanceof Date ? '' : cell;
  const match = AMOUNT.exec(String(text).replace(/\s+/g, ''));
  if (!match?.groups || (match.groups.minus && match.groups.signMinus)) {
    return { ok: false, reason: `${field} ${quoteCell(cell)} is not an amount` };
  }
  const { minus, sign, signMinus, digits } = match.groups;
  const unsigned = digits.replaceAll(',', '');
  const negative = minus === '-' || signMinus === '-';
  return {
    ok: true,
    amount: `${negative ? '-' : ''}${unsigned.startsWith('.') ? '0' : ''}${unsigned}`,
    currencySign: sign?.toUpperCase() ?? null,
  };
}

export function isPositiveAmount(amount: string | null): boolean {
  return amount !== null && !amount.startsWith('-') && /[1-9]/.test(amount);
}
