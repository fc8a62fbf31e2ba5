import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Environment } from '../../src/config/environment';
import { OcrPool } from '../../src/intel/ocr/ocr-pool';
import { CHAT_STYLES } from '../../test/corpus/render/chat-spec';
import { SCREEN_SIZES } from '../../test/corpus/render/screen-sizes';
import { readManifest, SCREENSHOTS_FOLDER } from '../../test/corpus/manifest';
import { readScreenshot } from '../../test/corpus/read-screenshot';
import {
  countsOf,
  precisionOf,
  recallOf,
  scoreReading,
  type ReadingScore,
} from '../../test/corpus/score-extraction';
import { VARIANTS } from '../../test/corpus/variants';
import { loadAverage, printMachine, table } from '../lib/report';

/**
 * Extraction recall and precision on the screenshot corpus: every clean render and every variant
 * of it (test/corpus/variants.ts) read by OCR as the worker reads evidence, then extracted, per
 * label, per style and per variant, with OCR seconds per screenshot at both sizes.
 * `INTEL_OCR_LANGUAGES` (production's default unless set) and `OCR_WORKERS` (default 2) set the
 * pool; `EXTRACTION_VARIANTS` names the variants to read, comma-separated, or `none`.
 */
const LANGUAGES = (process.env.INTEL_OCR_LANGUAGES ?? new Environment().INTEL_OCR_LANGUAGES).split(
  '+',
);
const WORKERS = Number(process.env.OCR_WORKERS ?? 2);
const VARIANTS_READ =
  process.env.EXTRACTION_VARIANTS === 'none'
    ? []
    : VARIANTS.filter(
        (variant) =>
          !process.env.EXTRACTION_VARIANTS ||
          process.env.EXTRACTION_VARIANTS.split(',').includes(variant.name),
      );
const LABELS = ['qq', 'wechat', 'phone', 'alipay', 'email', 'amount'];

interface Reading {
  file: string;
  style: string;
  size: string;
  variant: string;
  score: ReadingScore;
  ocrMs: number;
}

async function readCorpus(pool: OcrPool): Promise<Reading[]> {
  const screenshots = await readManifest();
  const jobs = screenshots.flatMap((screenshot) => {
    const size = SCREEN_SIZES.find((candidate) => candidate.label === screenshot.size)!;
    const clean = { name: 'clean', derive: (original: Buffer) => Promise.resolve(original) };
    return [clean, ...VARIANTS_READ].map((variant) => async (): Promise<Reading> => {
      const original = await readFile(path.join(SCREENSHOTS_FOLDER, screenshot.file));
      const reading = await readScreenshot(pool, await variant.derive(original, size));
      return {
        file: screenshot.file,
        style: screenshot.style,
        size: screenshot.size,
        variant: variant.name,
        score: scoreReading(screenshot, reading),
        ocrMs: reading.ocrMs,
      };
    });
  });
  const readings: Reading[] = [];
  // As many images in flight as the pool has workers, so none waits and each time is its own.
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < jobs.length) {
        readings.push(await jobs[next++]());
        if (readings.length % 25 === 0) console.error(`${readings.length}/${jobs.length} read`);
      }
    }),
  );
  return readings;
}

const fixed = (fraction: number) => fraction.toFixed(3);

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function row(name: string, scores: ReadingScore[], label?: string): string[] {
  const counts = countsOf(scores, label);
  return [
    name,
    String(counts.expected),
    String(counts.matched),
    String(counts.found - counts.matched),
    fixed(recallOf(counts)),
    fixed(precisionOf(counts)),
  ];
}

const COLUMNS = ['', 'shown', 'found', 'invented', 'recall', 'precision'];

function report(readings: Reading[], loadBefore: string, seconds: number): void {
  const clean = readings.filter((reading) => reading.variant === 'clean');
  const scoresOf = (subset: Reading[]) => subset.map((reading) => reading.score);
  console.log(
    `\n${clean.length} screenshots, ${readings.length} readings, OCR ${LANGUAGES.join('+')}`,
  );

  console.log('\n## Per label, clean renders\n');
  console.log(
    table(
      COLUMNS,
      LABELS.map((label) => row(label, scoresOf(clean), label)),
    ),
  );
  if (readings.length > clean.length) {
    console.log('\n## Per label, clean renders and every variant\n');
    console.log(
      table(
        COLUMNS,
        LABELS.map((label) => row(label, scoresOf(readings), label)),
      ),
    );
  }

  console.log('\n## Identifiers per style (clean / all)\n');
  console.log(
    table(
      COLUMNS,
      CHAT_STYLES.flatMap((style) => [
        row(`${style}, clean`, scoresOf(clean.filter((reading) => reading.style === style))),
        row(`${style}, all`, scoresOf(readings.filter((reading) => reading.style === style))),
      ]),
    ),
  );

  console.log('\n## Identifiers per variant\n');
  const variantNames = ['clean', ...VARIANTS_READ.map((variant) => variant.name)];
  console.log(
    table(
      [...COLUMNS, 'from distractors'],
      variantNames.map((name) => {
        const subset = scoresOf(readings.filter((reading) => reading.variant === name));
        const fromDistractors = subset.flatMap((score) => score.inventedFromDistractors).length;
        return [...row(name, subset), String(fromDistractors)];
      }),
    ),
  );
  console.log('\n## Overall identifiers\n');
  console.log(table(COLUMNS, [row('clean', scoresOf(clean)), row('all', scoresOf(readings))]));

  console.log('\n## OCR seconds per screenshot (clean renders, one image per worker)\n');
  console.log(
    table(
      ['screen', 'screenshots', 'p50 s', 'p95 s'],
      SCREEN_SIZES.map(({ label }) => {
        const times = clean.filter((reading) => reading.size === label).map((r) => r.ocrMs);
        return [
          label,
          String(times.length),
          (percentile(times, 0.5) / 1000).toFixed(2),
          (percentile(times, 0.95) / 1000).toFixed(2),
        ];
      }),
    ),
  );

  console.log('\n## Missed and invented\n');
  for (const reading of readings) {
    const { missed, invented } = reading.score;
    if (missed.length + invented.length === 0) continue;
    console.log(
      `- ${reading.file} (${reading.variant}): missed ${missed.join(', ') || '-'}; ` +
        `invented ${invented.join(', ') || '-'}`,
    );
  }
  printMachine(loadBefore, [
    `${WORKERS} OCR workers, ${LANGUAGES.join('+')}; ${seconds.toFixed(0)} s in all`,
  ]);
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  const started = Date.now();
  const pool = new OcrPool({ size: WORKERS, languages: LANGUAGES, timeoutMs: 120_000 });
  try {
    await pool.start();
    const readings = await readCorpus(pool);
    report(readings, loadBefore, (Date.now() - started) / 1000);
  } finally {
    await pool.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
