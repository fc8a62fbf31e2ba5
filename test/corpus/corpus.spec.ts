import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Environment } from '../../src/config/environment';
import { OcrPool } from '../../src/intel/ocr/ocr-pool';
import { readManifest, SCREENSHOTS_FOLDER, type CorpusScreenshot } from './manifest';
import { SCREEN_SIZES } from './render/screen-sizes';
import { readScreenshot } from './read-screenshot';
import { countsOf, recallOf, scoreReading, type ReadingScore } from './score-extraction';
import { VARIANTS } from './variants';

// Each variant is read for a third of the corpus, in turn, to keep the run short: every
// screenshot is read clean and as one of these.
const VARIANTS_READ = [
  'resized 50%',
  'resized 150%',
  'JPEG q60',
  'status bar cropped',
  'forwarded (50% + q60)',
  'screenshot of it',
].map((name) => VARIANTS.find((variant) => variant.name === name)!);

interface Reading {
  screenshot: CorpusScreenshot;
  variant: string;
  score: ReadingScore;
}

const cleanOnly = (readings: Reading[]) => readings.filter(({ variant }) => variant === 'clean');
const scoresOf = (readings: Reading[]) => readings.map(({ score }) => score);

describe('the screenshot corpus, read as the worker reads evidence', () => {
  const readings: Reading[] = [];

  beforeAll(async () => {
    const pool = new OcrPool({
      size: 2,
      languages: new Environment().INTEL_OCR_LANGUAGES.split('+'),
      timeoutMs: 60_000,
    });
    try {
      const screenshots = await readManifest();
      const jobs = screenshots.flatMap((screenshot, index) => {
        const variant = VARIANTS_READ[index % VARIANTS_READ.length];
        const size = SCREEN_SIZES.find(({ label }) => label === screenshot.size)!;
        return [
          { name: 'clean', derive: (original: Buffer) => Promise.resolve(original) },
          variant,
        ].map(async ({ name, derive }) => {
          const original = await readFile(path.join(SCREENSHOTS_FOLDER, screenshot.file));
          const reading = await readScreenshot(pool, await derive(original, size));
          readings.push({ screenshot, variant: name, score: scoreReading(screenshot, reading) });
        });
      });
      await Promise.all(jobs);
    } finally {
      await pool.stop();
    }
  }, 600_000);

  it('finds at least 95% of the identifiers, clean and in the copies sellers upload', () => {
    expect(recallOf(countsOf(scoresOf(readings)))).toBeGreaterThanOrEqual(0.95);
  });

  it.each(['qq', 'phone'])('finds every %s in the clean renders', (label) => {
    const missed = cleanOnly(readings).flatMap(({ screenshot, score }) =>
      score.missed
        .filter((key) => key.startsWith(`${label} `))
        .map((key) => `${screenshot.file}: ${key}`),
    );
    expect(missed).toEqual([]);
  });

  // Issue 14: every WeChat ID and no invention in the clean renders. Two dark renders need what
  // the OCR path does: a letter tesseract reads twice ("Xxw_chaping6714") kept once, and dark
  // themes read as one column (PSM 4), where 微 is not read as 和.
  it('finds every WeChat ID in the clean renders', () => {
    const { expected, matched } = countsOf(scoresOf(cleanOnly(readings)), 'wechat');
    expect(expected).toBe(36);
    expect(matched).toBe(expected);
  });

  it('invents no identifier in the clean renders', () => {
    const invented = cleanOnly(readings).flatMap(({ screenshot, score }) =>
      score.invented
        .filter((key) => !key.startsWith('amount '))
        .map((key) => `${screenshot.file}: ${key}`),
    );
    expect(invented).toEqual([]);
  });

  it('reads no identifier out of a timestamp, an order id or an amount in any copy', () => {
    const invented = readings.flatMap(({ screenshot, variant, score }) =>
      score.inventedFromDistractors.map((key) => `${screenshot.file} (${variant}): ${key}`),
    );
    expect(invented).toEqual([]);
  });
});
