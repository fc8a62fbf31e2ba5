import { type ExportRow, type ExportRowSource, isBlankCell } from './export-row';
import { detectOrderExportLayout, type LayoutMatch } from './order-export-layout';
import { OrderExportRejected } from './order-export-rejected';
import type { OrderExportLayout, OrderExportLimits, ParsedRow } from './order-export';
import { parseUtcOffset, type TimeContext } from './order-time';
import { parseOrderRow } from './parse-order-row';
import { openTextExport } from './text-export-rows';
import { openXlsxExport } from './xlsx-export-rows';
import { XLSX_MEDIA_TYPE } from '../upload/media-types';

export interface OpenedOrderExport {
  layout: OrderExportLayout;
  /**
   * The data rows, each an order or the reason it is none. Throws OrderExportRejected for a
   * fault of the whole file found on the way, such as more rows than allowed. Iterate it to the
   * end or break out of it: that closes the file.
   */
  rows: AsyncGenerator<ParsedRow>;
}

/**
 * Opens a seller's order export (CSV or TSV text in UTF-8 or GBK, or XLSX) and decides its layout
 * from its header row. Throws OrderExportRejected when the file as a whole cannot be used.
 */
export async function openOrderExport(
  path: string,
  mediaType: string,
  limits: OrderExportLimits,
): Promise<OpenedOrderExport> {
  const utcOffsetMinutes = parseUtcOffset(limits.localUtcOffset);
  const source = await openSource(path, mediaType, limits);
  try {
    const header = await nextFilledRow(source.rows);
    if (!header) throw new OrderExportRejected('The export is empty.');
    const match = detectOrderExportLayout(header.cells);
    if (!match) {
      throw new OrderExportRejected(
        'No column of order numbers was found; the first row should name one, such as 订单编号, amazon-order-id or Order ID.',
      );
    }
    const context = { utcOffsetMinutes, date1904: source.date1904 };
    return {
      layout: match.layout,
      rows: parseRows(source, header, match, context, limits.maxRows),
    };
  } catch (error) {
    await source.rows.return(undefined);
    throw error;
  }
}

function openSource(
  path: string,
  mediaType: string,
  limits: OrderExportLimits,
): Promise<ExportRowSource> {
  if (mediaType === 'text/plain') return openTextExport(path);
  if (mediaType === XLSX_MEDIA_TYPE) return openXlsxExport(path, limits.maxUncompressedBytes);
  throw new OrderExportRejected('The file is not an order export: it must be CSV, TSV or XLSX.');
}

async function nextFilledRow(rows: AsyncGenerator<ExportRow>): Promise<ExportRow | undefined> {
  for (;;) {
    const next = await rows.next();
    if (next.done) return undefined;
    if (!isBlankRow(next.value)) return next.value;
  }
}

async function* parseRows(
  source: ExportRowSource,
  header: ExportRow,
  match: LayoutMatch,
  context: TimeContext,
  maxRows: number,
): AsyncGenerator<ParsedRow> {
  let dataRows = 0;
  // for await would call return() on the source's rows when this generator ends early.
  for await (const row of { [Symbol.asyncIterator]: () => source.rows }) {
    if (isBlankRow(row)) continue;
    if (++dataRows > maxRows) {
      throw new OrderExportRejected(
        `The export has more than ${maxRows.toLocaleString('en')} rows.`,
      );
    }
    if (source.fixedColumnCount && row.cells.length !== header.cells.length) {
      yield {
        ok: false,
        rowNumber: row.rowNumber,
        reason: `${row.cells.length} columns where the header has ${header.cells.length}`,
      };
    } else {
      yield parseOrderRow(row, match, context);
    }
  }
}

function isBlankRow(row: ExportRow): boolean {
  return row.cells.every(isBlankCell);
}
