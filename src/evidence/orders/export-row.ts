/** A cell as a reader of either file type hands it on: text, or what a spreadsheet typed it as. */
export type CellValue = string | number | Date | null;

/** One row of an export, before its columns are given meaning. */
export interface ExportRow {
  /** 1-based line or row in the file. */
  rowNumber: number;
  cells: readonly CellValue[];
}

/** The rows of one opened export, in file order. */
export interface ExportRowSource {
  rows: AsyncGenerator<ExportRow>;
  /** CSV and TSV rows must be as wide as the header; spreadsheets omit trailing empty cells. */
  fixedColumnCount: boolean;
  /** Spreadsheet dates count days from 1904 instead of 1900 (old Mac Excel). */
  date1904: boolean;
}

const QUOTED_CELL_CHARS = 40;

/** A cell as a bad row's reason shows it: short, quoted. */
export function quoteCell(cell: CellValue): string {
  const text = cell instanceof Date ? cell.toISOString() : String(cell ?? '');
  const short = text.length > QUOTED_CELL_CHARS ? `${text.slice(0, QUOTED_CELL_CHARS)}…` : text;
  return JSON.stringify(short);
}

export function isBlankCell(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}
