import type { CellValue } from './export-row';

/**
 * What exceljs reads a cell as, reduced to a value: rich text to its text, a hyperlink to its
 * shown text, a formula to its cached result (or its source, "=…", when it has none, so that
 * it is taken for no id or amount), an error to its code.
 */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'object') return null;
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell.richText)) {
    return cell.richText
      .map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : ''))
      .join('');
  }
  if (Object.hasOwn(cell, 'formula') || Object.hasOwn(cell, 'sharedFormula')) {
    return cell.result === undefined || cell.result === null
      ? `=${String(cell.formula ?? cell.sharedFormula)}`
      : toCellValue(cell.result);
  }
  if (Object.hasOwn(cell, 'text')) return toCellValue(cell.text);
  if (typeof cell.error === 'string') return cell.error;
  return null;
}
