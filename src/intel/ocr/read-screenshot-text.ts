import type { OcrPool, OcrResult } from './ocr-pool';
import { isDarkTheme } from './dark-theme';
import { prepareForOcr } from './prepare-for-ocr';

// Tesseract's page segmentation for a dark theme: one column of text of varying sizes (PSM 4)
// instead of its automatic layout (PSM 3), which on the corpus put an avatar into the line beside
// it and read 微 there as 和. In light themes PSM 4 lost two WeChat IDs of 36 that PSM 3 finds.
// In PSM 4 tesseract prints "Estimating resolution as …" for every image, whatever
// user_defined_dpi says; its diagnostics for this image go nowhere instead.
const DARK_THEME_PARAMETERS = { tessedit_pageseg_mode: '4', debug_file: '/dev/null' } as const;

/** The text of a chat screenshot, read as its theme is read best. */
export async function readScreenshotText(pool: OcrPool, image: Buffer): Promise<OcrResult> {
  const prepared = await prepareForOcr(image);
  const dark = await isDarkTheme(prepared);
  return pool.recognize(prepared, dark ? DARK_THEME_PARAMETERS : {});
}
