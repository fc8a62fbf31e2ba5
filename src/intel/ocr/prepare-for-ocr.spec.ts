import sharp from 'sharp';
import { OcrPool } from './ocr-pool';
import { prepareForOcr } from './prepare-for-ocr';

// The last test starts a tesseract worker.
jest.setTimeout(60_000);

const colourImage = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#95ec69' } });

async function shape(image: Buffer) {
  const { format, width, height, channels } = await sharp(image).metadata();
  return { format, width, height, channels };
}

/** Dark text on a WeChat-green speech bubble, as in a screenshot 1080 pixels wide. */
async function greenBubble(text: string): Promise<Buffer> {
  const { data, info } = await sharp({
    text: { text, font: 'DejaVu Sans 36px', dpi: 72, rgba: true },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  const bubble = { width: info.width + 72, height: info.height + 36 };
  return sharp({
    create: { width: 1080, height: bubble.height + 40, channels: 3, background: '#ededed' },
  })
    .composite([
      { input: { create: { ...bubble, channels: 3, background: '#95ec69' } }, left: 20, top: 20 },
      { input: data, left: 56, top: 38 },
    ])
    .png()
    .toBuffer();
}

describe('prepareForOcr', () => {
  it('doubles a screenshot narrower than 600 pixels, in greyscale', async () => {
    const image = await colourImage(400, 300).png().toBuffer();

    expect(await shape(await prepareForOcr(image))).toEqual({
      format: 'png',
      width: 800,
      height: 600,
      channels: 1,
    });
  });

  it('keeps a screenshot 600 pixels wide or more at its size', async () => {
    const image = await colourImage(600, 1300).jpeg().toBuffer();

    expect(await shape(await prepareForOcr(image))).toMatchObject({ width: 600, height: 1300 });
  });

  it('lays a transparent image on white, leaving one channel', async () => {
    const image = await sharp({
      create: { width: 700, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();

    const prepared = await prepareForOcr(image);

    expect(await shape(prepared)).toMatchObject({ channels: 1 });
    const { channels } = await sharp(prepared).stats();
    expect(channels[0].min).toBe(255);
  });

  it('turns a photo upright by its EXIF orientation before measuring it', async () => {
    // Stored 1200 wide, to be shown rotated a quarter turn: upright it is 400 wide, so doubled.
    const image = await colourImage(1200, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer();

    expect(await shape(await prepareForOcr(image))).toMatchObject({ width: 800, height: 2400 });
  });

  it('makes text on a green chat bubble readable, which tesseract finds none of as it is', async () => {
    const pool = new OcrPool({ size: 1, languages: ['eng'], timeoutMs: 30_000 });
    const image = await greenBubble('QQ: 2847561923');
    try {
      expect((await pool.recognize(image)).text.trim()).toBe('');
      expect((await pool.recognize(await prepareForOcr(image))).text).toContain('2847561923');
    } finally {
      await pool.stop();
    }
  });
});
