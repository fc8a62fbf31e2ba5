import type { CellValue } from './export-row';

/** Taobao's words for a buyer's verdict. */
const WORDED_RATINGS = new Map([
  ['好评', 5],
  ['中评', 3],
  ['差评', 1],
]);

/** A 1..5 rating, or null for an empty cell or one that holds no rating (e.g. 未评价). */
export function readRating(cell: CellValue): number | null {
  const text =
    typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
  if (/^[1-5](\.0+)?$/.test(text)) return Number(text);
  return WORDED_RATINGS.get(text) ?? null;
}
