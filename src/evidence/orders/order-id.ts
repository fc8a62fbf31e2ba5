import { type CellValue, isBlankCell, quoteCell } from './export-row';

export type OrderIdReading = { ok: true; orderId: string } | { ok: false; reason: string };

/** Exporters write ids as ="…" so that Excel keeps them as text. */
const EXCEL_TEXT_GUARD = /^="(.*)"$/s;
/** What Excel leaves of a long id it took for a number, e.g. 3.31883E+12: the digits are gone. */
const SCIENTIFIC_NOTATION = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;
/** Excel keeps 15 significant digits of a number; a longer id stored as one has been rounded. */
const EXCEL_EXACT_INTEGER_LIMIT = 1e15;

export function readOrderId(cell: CellValue): OrderIdReading {
  if (isBlankCell(cell)) return { ok: false, reason: 'no order number' };
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= 0 && cell < EXCEL_EXACT_INTEGER_LIMIT
      ? { ok: true, orderId: String(cell) }
      : { ok: false, reason: `order number ${cell} was rounded by Excel` };
  }
  if (cell instanceof Date)
    return { ok: false, reason: `order number ${quoteCell(cell)} is a date` };
  const text = String(cell).trim();
  const guarded = EXCEL_TEXT_GUARD.exec(text);
  // Taobao also prefixes ids with a tab, which trim() has taken, or an apostrophe.
  const orderId = (guarded ? guarded[1] : text).trim().replace(/^'/, '').trim();
  if (orderId === '') return { ok: false, reason: 'no order number' };
  if (orderId.startsWith('=')) {
    return { ok: false, reason: `order number ${quoteCell(orderId)} is a formula` };
  }
  if (SCIENTIFIC_NOTATION.test(orderId)) {
    return { ok: false, reason: `order number ${orderId} was rounded by Excel` };
  }
  return { ok: true, orderId };
}
