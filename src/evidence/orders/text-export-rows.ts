import { parse, CsvError } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import type { ExportRow, ExportRowSource } from './export-row';
import { OrderExportRejected } from './order-export-rejected';
import { decodeTextStream, detectTextEncoding, type TextEncoding } from '../text/text-encoding';

const SAMPLE_BYTES = 64 * 1024;
/** No real order row comes near this; a longer one is a quote left open, and memory is kept. */
const MAX_ROW_BYTES = 1024 * 1024;

/** The rows of a CSV or TSV export in UTF-8 or GBK, decoded as they stream. */
export async function openTextExport(path: string): Promise<ExportRowSource> {
  const { encoding, delimiter } = await inspectText(path);
  return { rows: readRows(path, encoding, delimiter), fixedColumnCount: true, date1904: false };
}

async function inspectText(path: string): Promise<{ encoding: TextEncoding; delimiter: string }> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SAMPLE_BYTES), 0, SAMPLE_BYTES, 0);
    const sample = buffer.subarray(0, bytesRead);
    const encoding = detectTextEncoding(sample, bytesRead < SAMPLE_BYTES);
    const text = new TextDecoder(encoding).decode(sample, { stream: true });
    const headerLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
    const tabs = headerLine.split('\t').length - 1;
    const commas = headerLine.split(',').length - 1;
    return { encoding, delimiter: tabs > commas ? '\t' : ',' };
  } finally {
    await handle.close();
  }
}

async function* readRows(
  path: string,
  encoding: TextEncoding,
  delimiter: string,
): AsyncGenerator<ExportRow> {
  const parser = parse({
    delimiter,
    info: true,
    // Taobao writes ids as ="123" unquoted; the quotes inside are text, not CSV quoting.
    relax_quotes: true,
    // A row of the wrong width is a bad row, told in its place among the others, not an error.
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_ROW_BYTES,
  });
  // Errors of any stage reach the parser, whose iteration below throws them.
  pipeline(createReadStream(path), decodeTextStream(encoding), parser, () => {});
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      // csv-parse numbers a record by its last line; one with line breaks in a field began earlier.
      const breaksInside = record.reduce(
        (sum, cell) => sum + (cell.match(/\r\n|\n|\r/g)?.length ?? 0),
        0,
      );
      yield { rowNumber: info.lines - breaksInside, cells: record };
    }
  } catch (error) {
    throw textRejection(error, encoding);
  }
}

function textRejection(error: unknown, encoding: TextEncoding): unknown {
  if (error instanceof CsvError) {
    const line = Number(error.lines);
    return new OrderExportRejected(
      error.code === 'CSV_MAX_RECORD_SIZE'
        ? `A row near line ${line} is longer than 1 MB; a quotation mark may be left open.`
        : `The file is not a readable CSV or TSV table near line ${line}.`,
      { cause: error },
    );
  }
  if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
    return new OrderExportRejected(
      `The file’s text is not ${encoding === 'utf-8' ? 'UTF-8' : 'GBK'} throughout; save it again as UTF-8.`,
      { cause: error },
    );
  }
  return error;
}
