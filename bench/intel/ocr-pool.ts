import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { OcrPool } from '../../src/intel/ocr/ocr-pool';
import { prepareForOcr } from '../../src/intel/ocr/prepare-for-ocr';
import { UsageError, runMain } from '../lib/options';
import { fmt, loadAverage, printMachine, table } from '../lib/report';

// OcrPool's throughput: draws chat screenshots, prepares them as the service does, and reads
// them all at once with a pool of 1 worker, then of 2, each pool in a child process of its own so
// that one run's memory and warm caches do not flatter the other.

const USAGE =
  'usage: npx ts-node -T bench/intel/ocr-pool.ts [--screenshots N] [--languages L] [--raw]\n' +
  '  --screenshots N  screenshots read by each pool (default 24)\n' +
  '  --languages L    tesseract languages joined by + (default chi_sim+eng, as INTEL_OCR_LANGUAGES)\n' +
  '  --raw            read the screenshots as drawn, without prepareForOcr';

const POOL_SIZES = [1, 2];
const CHILD_POOL_SIZE = 'OCR_BENCH_POOL_SIZE';

interface Options {
  screenshots: number;
  languages: string[];
  raw: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { screenshots: 24, languages: ['chi_sim', 'eng'], raw: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag === '--raw' && inline === undefined) {
      options.raw = true;
    } else if (flag === '--languages') {
      options.languages = (inline ?? argv[++i] ?? '').split('+');
    } else if (flag === '--screenshots') {
      const raw = inline ?? argv[++i];
      options.screenshots = Number(raw);
      if (!Number.isInteger(options.screenshots) || options.screenshots < 1) {
        throw new UsageError(`--screenshots needs a positive integer, got ${JSON.stringify(raw)}`);
      }
    } else {
      throw new UsageError(`unknown argument ${argv[i]}`);
    }
  }
  return options;
}

interface Screenshot {
  image: Buffer;
  /** The QQ and phone numbers drawn, digits only. */
  identifiers: string[];
  width: number;
}

const WORDS = (
  'hello ok order refund please review pay now or I post the bad review again sent 50 yuan ' +
  'add me tracking number delivered yesterday the item is fake return it I want my money back ' +
  'today last warning'
).split(' ');

const BUBBLES = [
  { fill: '#ffffff', ink: '#111111' }, // the other party
  { fill: '#95ec69', ink: '#111111' }, // WeChat, own messages
  { fill: '#1e6fd9', ink: '#ffffff' }, // blue, white text
];

/** A small deterministic generator (LCG), so the same seed always draws the same screenshot. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function textLayer(text: string, pixels: number, ink: string) {
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${ink}">${text}</span>`,
      font: `DejaVu Sans ${pixels}px`,
      dpi: 72,
      rgba: true,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, width: info.width, height: info.height };
}

/**
 * A phone chat screenshot scaled to `width` (1080 is a phone's own; narrower ones are as chat
 * apps forward them): a title, then speech bubbles left and right, some lines carrying a QQ or
 * a mainland mobile number. PNG, or JPEG at quality 80.
 */
async function drawScreenshot(seed: number, width: number, jpeg: boolean): Promise<Screenshot> {
  const next = random(seed);
  const scaled = (pixels: number) => Math.round((pixels * width) / 1080);
  const digits = (count: number) =>
    Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
  const height = scaled(2340);
  const identifiers: string[] = [];
  const title = await textLayer(`buyer_${digits(6)}`, scaled(40), '#111111');
  const layers: sharp.OverlayOptions[] = [
    { input: title.input, left: Math.round((width - title.width) / 2), top: scaled(50) },
  ];

  let top = scaled(190);
  while (true) {
    const fromOtherParty = next() < 0.5;
    const bubble = fromOtherParty ? BUBBLES[0] : BUBBLES[1 + Math.floor(next() * 2)];
    const drawn: string[] = [];
    const lines = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
      const kind = next();
      if (kind < 0.2) {
        const qq = `${1 + Math.floor(next() * 9)}${digits(8 + Math.floor(next() * 2))}`;
        drawn.push(qq);
        return `QQ: ${qq}`;
      }
      if (kind < 0.35) {
        const phone = `1${3 + Math.floor(next() * 6)}${digits(9)}`;
        drawn.push(phone);
        return `Phone ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
      }
      let words = WORDS[Math.floor(next() * WORDS.length)];
      while (words.length < 18 + next() * 12) {
        words += ` ${WORDS[Math.floor(next() * WORDS.length)]}`;
      }
      return words;
    });
    const texts = await Promise.all(lines.map((line) => textLayer(line, scaled(36), bubble.ink)));
    const bubbleWidth = Math.max(...texts.map((text) => text.width)) + scaled(48);
    const bubbleHeight = texts.length * scaled(58) + scaled(40);
    if (top + bubbleHeight > height - scaled(200)) break;
    identifiers.push(...drawn);
    const left = fromOtherParty ? scaled(150) : width - scaled(150) - bubbleWidth;
    const avatar = { width: scaled(90), height: scaled(90), channels: 3 as const };
    const hue = Math.floor(next() * 255);
    layers.push(
      {
        input: { create: { ...avatar, background: { r: hue, g: 120, b: 255 - hue } } },
        left: fromOtherParty ? scaled(35) : width - scaled(125),
        top,
      },
      {
        input: {
          create: {
            width: bubbleWidth,
            height: bubbleHeight,
            channels: 3,
            background: bubble.fill,
          },
        },
        left,
        top,
      },
      ...texts.map((text, line) => ({
        input: text.input,
        left: left + scaled(24),
        top: top + scaled(20) + line * scaled(58),
      })),
    );
    top += bubbleHeight + scaled(50);
  }

  const canvas = sharp({ create: { width, height, channels: 3, background: '#ededed' } });
  const drawn = canvas.composite(layers);
  const image = await (jpeg ? drawn.jpeg({ quality: 80 }) : drawn.png()).toBuffer();
  return { image, identifiers, width };
}

const WIDTHS = [1080, 720, 540, 360];

function drawScreenshots(count: number): Promise<Screenshot[]> {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      drawScreenshot(1000 + index, WIDTHS[index % WIDTHS.length], index % 2 === 1),
    ),
  );
}

interface PoolRun {
  size: number;
  startMs: number;
  /** Resident memory added by starting the pool, then at most while reading. */
  startedMiB: number;
  peakMiB: number;
  prepareMs: number[];
  durationsMs: number[];
  wallMs: number;
  /** CPU time of the whole process while reading, over wall time: what neighbours left us. */
  coresUsed: number;
  found: number;
  expected: number;
}

const mebibytes = (bytes: number) => bytes / 2 ** 20;

async function runPool(size: number, options: Options): Promise<PoolRun> {
  const screenshots = await drawScreenshots(options.screenshots);
  const prepareMs: number[] = [];
  const images = [];
  for (const screenshot of screenshots) {
    const started = performance.now();
    images.push(options.raw ? screenshot.image : await prepareForOcr(screenshot.image));
    prepareMs.push(performance.now() - started);
  }

  const rssBefore = process.memoryUsage.rss();
  const pool = new OcrPool({ size, languages: options.languages, timeoutMs: 600_000 });
  let started = performance.now();
  await pool.start();
  const startMs = performance.now() - started;
  const startedMiB = mebibytes(process.memoryUsage.rss() - rssBefore);

  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  started = performance.now();
  const cpuBefore = process.cpuUsage();
  const results = await Promise.all(images.map((image) => pool.recognize(image)));
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  await pool.stop();

  let found = 0;
  let expected = 0;
  results.forEach(({ text }, index) => {
    const digits = text.replace(/[\s-]/g, '');
    const { identifiers } = screenshots[index];
    found += identifiers.filter((identifier) => digits.includes(identifier)).length;
    expected += identifiers.length;
  });
  return {
    size,
    startMs,
    startedMiB,
    peakMiB: mebibytes(peakRss - rssBefore),
    prepareMs,
    durationsMs: results.map((result) => result.durationMs),
    wallMs,
    coresUsed: (cpu.user + cpu.system) / 1000 / wallMs,
    found,
    expected,
  };
}

function runPoolInChild(size: number): PoolRun {
  const output = execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', __filename, ...process.argv.slice(2)],
    {
      env: { ...process.env, [CHILD_POOL_SIZE]: String(size) },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 2 ** 20,
    },
  );
  // tesseract may print notes on stdout too; the run is the last line.
  return JSON.parse(output.toString().trim().split('\n').pop() ?? '') as PoolRun;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function printRuns(runs: PoolRun[], options: Options): void {
  const [single] = runs;
  console.log('\n## OCR pool\n');
  console.log(
    `${options.screenshots} screenshots (widths ${WIDTHS.join(', ')}; PNG and JPEG), ` +
      `languages ${options.languages.join('+')}, ` +
      (options.raw ? 'read as drawn.' : 'each through prepareForOcr first.'),
  );
  console.log(
    `prepareForOcr: ${fmt(mean(single.prepareMs))} ms mean, ` +
      `${fmt(percentile(single.prepareMs, 0.95))} ms p95 a screenshot.\n`,
  );
  console.log(
    table(
      [
        'workers',
        'start ms',
        'MiB started',
        'MiB peak',
        'ms a screenshot: mean',
        'p50',
        'p95',
        'wall s',
        'cores used',
        'screenshots/s',
        'speed-up',
        'identifiers read',
      ],
      runs.map((run) => [
        String(run.size),
        fmt(run.startMs),
        fmt(run.startedMiB),
        fmt(run.peakMiB),
        fmt(mean(run.durationsMs)),
        fmt(percentile(run.durationsMs, 0.5)),
        fmt(percentile(run.durationsMs, 0.95)),
        fmt(run.wallMs / 1000, 1),
        fmt(run.coresUsed, 2),
        fmt((options.screenshots * 1000) / run.wallMs, 2),
        `${fmt(single.wallMs / run.wallMs, 2)}x`,
        `${run.found} / ${run.expected}`,
      ]),
    ),
  );
  console.log(
    '\n"ms a screenshot" is time on a worker, without the wait for one; every screenshot is ' +
      'queued at once. Speed-up is throughput against 1 worker. Cores used: the ' +
      "process's CPU time over wall time while reading. MiB: resident memory the pool added to " +
      'the process.',
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const childSize = process.env[CHILD_POOL_SIZE];
  if (childSize) {
    console.log(JSON.stringify(await runPool(Number(childSize), options)));
    return;
  }
  const loadBefore = loadAverage();
  const runs = POOL_SIZES.map((size) => runPoolInChild(size));
  printMachine(loadBefore, [`load average after: ${loadAverage()}`]);
  printRuns(runs, options);
}

runMain('bench/intel/ocr-pool', USAGE, main);
