import sharp from 'sharp';
import { OcrPool, OcrPoolStoppedError, OcrTimeoutError } from './ocr-pool';

// Starting a worker loads the engine and the language data; on a busy machine that takes seconds.
jest.setTimeout(60_000);

const QQ = '2847561923';
const PHONE = '13800138000';

/**
 * Text as libvips draws it, on a transparent ground: DejaVu Sans, as the machine has no CJK font,
 * and no SVG, whose loader src/evidence/images/safe-sharp.ts blocks for the whole process.
 */
async function textImage(text: string, pixels: number, width?: number) {
  const { data, info } = await sharp({
    text: { text, font: `DejaVu Sans ${pixels}px`, width, dpi: 72, rgba: true },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, width: info.width, height: info.height };
}

/** A chat screenshot, 720 pixels wide: a grey speech bubble a line, left and right in turn. */
async function chatScreenshot(lines: string[]): Promise<Buffer> {
  const width = 720;
  const layers: sharp.OverlayOptions[] = [];
  let top = 40;
  for (const [index, line] of lines.entries()) {
    const text = await textImage(line, 26);
    const bubble = { width: text.width + 40, height: text.height + 30 };
    const left = index % 2 === 0 ? 30 : width - 30 - bubble.width;
    layers.push(
      { input: { create: { ...bubble, channels: 3, background: '#f2f2f2' } }, left, top },
      { input: text.input, left: left + 20, top: top + 15 },
    );
    top += bubble.height + 30;
  }
  return sharp({ create: { width, height: top + 10, channels: 3, background: '#ffffff' } })
    .composite(layers)
    .png()
    .toBuffer();
}

const BLACKMAIL = [
  'pay 500 yuan or I post the bad review',
  'ok who are you',
  `QQ: ${QQ}`,
  'Phone 138 0013 8000',
];

/** A page of dense small print, far more than tesseract reads within seconds. */
async function hugeScreenshot(): Promise<Buffer> {
  const line = 'refund 2847561923 now or the review stays 138 0013 8000 last warning ';
  const text = await textImage(Array.from({ length: 500 }, () => line).join(' '), 18, 3600);
  return sharp({
    create: { width: 3700, height: text.height + 100, channels: 3, background: '#fff' },
  })
    .composite([{ input: text.input, left: 50, top: 50 }])
    .png()
    .toBuffer();
}

const digitsOf = (text: string) => text.replace(/[\s-]/g, '');

describe('OcrPool', () => {
  let pool: OcrPool | undefined;

  afterEach(async () => {
    await pool?.stop();
    pool = undefined;
  });

  it('reads the QQ and phone numbers in a chat screenshot', async () => {
    pool = new OcrPool({ size: 2, languages: ['eng'], timeoutMs: 30_000 });

    const result = await pool.recognize(await chatScreenshot(BLACKMAIL));

    expect(digitsOf(result.text)).toContain(QQ);
    expect(digitsOf(result.text)).toContain(PHONE);
    expect(result.confidence).toBeGreaterThan(70);
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('reads the same screenshot with Chinese and English loaded from separate packages', async () => {
    pool = new OcrPool({ size: 1, languages: ['chi_sim', 'eng'], timeoutMs: 30_000 });

    const { text } = await pool.recognize(await chatScreenshot(BLACKMAIL));

    expect(digitsOf(text)).toContain(QQ);
    expect(digitsOf(text)).toContain(PHONE);
  });

  it("reads one image with parameters of its own, and the next with the worker's", async () => {
    pool = new OcrPool({ size: 1, languages: ['eng'], timeoutMs: 30_000 });
    const image = await chatScreenshot([`QQ: ${QQ}`]);

    const digitsOnly = await pool.recognize(image, { tessedit_char_whitelist: '0123456789' });
    const asUsual = await pool.recognize(image);

    expect(digitsOnly.text).not.toMatch(/QQ/);
    expect(digitsOf(digitsOnly.text)).toContain(QQ);
    expect(asUsual.text).toMatch(/QQ/);
  });

  it('never runs more workers than its size while six images are read at once', async () => {
    pool = new OcrPool({ size: 2, languages: ['eng'], timeoutMs: 30_000 });
    const screenshots = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((n) => chatScreenshot([`QQ: 28475619${n}${n}`])),
    );
    const counts: number[] = [];
    const sampler = setInterval(() => counts.push(pool?.workerCount ?? 0), 2);

    const results = await Promise.all(screenshots.map((image) => pool!.recognize(image)));
    clearInterval(sampler);

    results.forEach(({ text }, n) => expect(digitsOf(text)).toContain(`28475619${n}${n}`));
    expect(Math.max(...counts)).toBe(2);
    expect(pool.workerCount).toBe(2);
  });

  it('abandons an image that runs past the timeout and reads the next one on a new worker', async () => {
    pool = new OcrPool({ size: 1, languages: ['eng'], timeoutMs: 4_000 });
    const huge = await hugeScreenshot();
    await pool.start();

    const started = Date.now();
    await expect(pool.recognize(huge)).rejects.toThrow(OcrTimeoutError);
    expect(Date.now() - started).toBeLessThan(10_000);

    const { text } = await pool.recognize(await chatScreenshot([`QQ: ${QQ}`]));
    expect(digitsOf(text)).toContain(QQ);
    expect(pool.workerCount).toBe(1);
  });

  it('rejects bytes that are not an image and goes on reading', async () => {
    pool = new OcrPool({ size: 1, languages: ['eng'], timeoutMs: 30_000 });

    await expect(pool.recognize(Buffer.from('not an image at all'))).rejects.toThrow(Error);

    const { text } = await pool.recognize(await chatScreenshot([`QQ: ${QQ}`]));
    expect(digitsOf(text)).toContain(QQ);
  });

  it('rejects the images still queued when it stops, and any image after', async () => {
    pool = new OcrPool({ size: 1, languages: ['eng'], timeoutMs: 30_000 });
    const image = await chatScreenshot(BLACKMAIL);
    await pool.start();

    const queued = Promise.allSettled([1, 2, 3].map(() => pool!.recognize(image)));
    await pool.stop();

    for (const result of await queued) {
      expect(result).toMatchObject({ status: 'rejected', reason: expect.any(OcrPoolStoppedError) });
    }
    await expect(pool.recognize(image)).rejects.toThrow(OcrPoolStoppedError);
    expect(pool.workerCount).toBe(0);
  });

  it('refuses a language it has no data package for, naming it', async () => {
    pool = new OcrPool({ size: 1, languages: ['eng', 'fra'], timeoutMs: 30_000 });

    await expect(pool.start()).rejects.toThrow(/'fra'/);
    expect(pool.workerCount).toBe(0);
  });
});
