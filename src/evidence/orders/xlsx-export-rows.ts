import { stream as excelStream } from 'exceljs';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import type { ExportRow, ExportRowSource } from './export-row';
import { OrderExportRejected } from './order-export-rejected';
import { toCellValue } from './xlsx-cell-value';
import { NOT_A_SPREADSHEET, openXlsxZip, type XlsxZip } from './xlsx-zip';

const READER_OPTIONS = {
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'ignore',
  worksheets: 'emit',
} as const;

const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELATIONSHIPS_PART = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS_TYPE = /\/sharedStrings$/;

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
}

interface WorksheetRow {
  number: number;
  values: unknown[];
}

/**
 * The parsers of exceljs's streaming WorkbookReader, fed parts that this module unpacks. Its own
 * unzipping cannot be used: it decodes each inflated chunk of XML on its own, so a Chinese
 * character that straddles two chunks comes out as U+FFFD (exceljs 4.4.0); it inflates every part,
 * wanted or not, by the sizes in local headers rather than the checked central directory; and it
 * spools a worksheet that comes before the shared strings (as in Excel's and exceljs's own files)
 * to a temporary file, which it reads back in chunks with the same fault.
 */
interface WorkbookReaderParsers {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(
    part: Readable,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<WorksheetRow> }>;
  workbookRels?: Relationship[];
  model?: { sheets?: { rId: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

/** The rows of an XLSX export's first worksheet, parsed by exceljs from parts unpacked in bounds. */
export async function openXlsxExport(
  path: string,
  maxUncompressedBytes: number,
): Promise<ExportRowSource> {
  try {
    const zip = await openXlsxZip(path, maxUncompressedBytes);
    const reader = new excelStream.xlsx.WorkbookReader(
      path,
      READER_OPTIONS,
    ) as unknown as WorkbookReaderParsers;
    await parsePart(zip, WORKBOOK_RELATIONSHIPS_PART, (part) => reader._parseRels(part));
    await parsePart(zip, WORKBOOK_PART, (part) => reader._parseWorkbook(part));
    const relationships = reader.workbookRels ?? [];
    const sharedStrings = relationships.find((rel) => SHARED_STRINGS_TYPE.test(rel.Type));
    if (sharedStrings) {
      await parsePart(zip, partName(sharedStrings), async (part) => {
        const parsing = reader._parseSharedStrings(part);
        while (!(await parsing.next()).done) {
          // 'cache' keeps the strings on the reader and yields nothing.
        }
      });
    }
    const firstSheet = reader.model?.sheets?.[0];
    const sheetRelationship = relationships.find((rel) => rel.Id === firstSheet?.rId);
    if (!sheetRelationship) throw new OrderExportRejected(NOT_A_SPREADSHEET);
    return {
      rows: readRows(reader, zip, partName(sheetRelationship)),
      fixedColumnCount: false,
      date1904: reader.properties?.model?.date1904 === true,
    };
  } catch (error) {
    throw spreadsheetRejection(error);
  }
}

async function* readRows(
  reader: WorkbookReaderParsers,
  zip: XlsxZip,
  sheetPart: string,
): AsyncGenerator<ExportRow> {
  const sheet = await zip.openPart(sheetPart);
  try {
    const [emitted] = reader._parseWorksheet(sheet, '1');
    for await (const row of emitted.value) {
      yield { rowNumber: row.number, cells: Array.from(row.values.slice(1), toCellValue) };
    }
  } catch (error) {
    throw spreadsheetRejection(error);
  } finally {
    sheet.destroy();
  }
}

/**
 * Parses one part, and closes it even when parsing fails half-way: exceljs stops listening then
 * but leaves the stream, and its file, open.
 */
async function parsePart(
  zip: XlsxZip,
  name: string,
  parse: (part: Readable) => Promise<void>,
): Promise<void> {
  const part = await zip.openPart(name);
  try {
    await parse(part);
  } finally {
    part.destroy();
  }
}

/** A relationship's target as a part name: relative to the workbook's folder, or absolute. */
function partName(relationship: Relationship): string {
  const target = relationship.Target;
  return target.startsWith('/') ? posix.normalize(target.slice(1)) : posix.join('xl', target);
}

/** File-system failures are ours to retry; anything else in parsing is the file's fault. */
function spreadsheetRejection(error: unknown): unknown {
  if (error instanceof OrderExportRejected || (error as { syscall?: string }).syscall) return error;
  return new OrderExportRejected(NOT_A_SPREADSHEET, { cause: error });
}
