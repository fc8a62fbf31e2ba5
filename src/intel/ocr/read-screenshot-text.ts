import type { CountryCode } from 'libphonenumber-js/max';
import { mergeReadings } from '../extraction/merge-readings';
import type { OcrPool, OcrResult } from './ocr-pool';
import { prepareForOcr } from './prepare-for-ocr';
import { secondLookAt } from './second-look';

/**
 * The text of a chat screenshot: read once, and a dark theme read a second time at another scale,
 * the identifiers only that reading shows added to the first (mergeReadings). The duration is the
 * time on the workers for both readings; the confidence is the first reading's.
 */
export async function readScreenshotText(
  pool: OcrPool,
  image: Buffer,
  defaultRegion: CountryCode,
): Promise<OcrResult> {
  const prepared = await prepareForOcr(image);
  const secondImage = await secondLookAt(prepared);
  const [first, second] = await Promise.all([
    pool.recognize(prepared),
    secondImage && pool.recognize(secondImage),
  ]);
  if (!second) return first;
  return {
    text: mergeReadings(first.text, second.text, { defaultRegion }),
    confidence: first.confidence,
    durationMs: first.durationMs + second.durationMs,
  };
}
