import { extractAmountsDemanded } from '../../src/intel/extraction/extract-amounts';
import { extractIdentifiers } from '../../src/intel/extraction/extract-identifiers';
import type { OcrPool } from '../../src/intel/ocr/ocr-pool';
import { readScreenshotText } from '../../src/intel/ocr/read-screenshot-text';
import type { FoundIdentifier } from './score-extraction';

export interface ScreenshotReading {
  text: string;
  identifiers: FoundIdentifier[];
  /** CNY sums, "500.00". */
  amounts: string[];
  /** Time on the OCR worker. */
  ocrMs: number;
}

/** What the evidence worker reads from a screenshot: OCR as OcrService runs it, then extraction. */
export async function readScreenshot(pool: OcrPool, image: Buffer): Promise<ScreenshotReading> {
  const { text, durationMs } = await readScreenshotText(pool, image);
  return {
    text,
    identifiers: extractIdentifiers(text, { defaultRegion: 'CN' }).map(({ identifier }) => ({
      kind: identifier.kind,
      scope: identifier.scope,
      value: identifier.value,
    })),
    amounts: extractAmountsDemanded(text, { defaultCurrency: 'CNY', readByOcr: true })
      .filter(({ currency }) => currency === 'CNY')
      .map(({ amount }) => amount),
    ocrMs: durationMs,
  };
}
