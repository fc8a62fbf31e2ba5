import sharp from 'sharp';
import { ImageRejected, checkImage } from './safe-sharp';

const LIMIT = 1_000_000;

function gradient(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * 7) % 256;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

describe('checkImage', () => {
  it('accepts a whole image within the limit', async () => {
    await expect(checkImage(await gradient(300, 200), LIMIT)).resolves.toBeUndefined();
  });

  it('refuses an image over the pixel limit, naming the limit', async () => {
    await expect(checkImage(await gradient(200, 200), 100 * 100)).rejects.toThrow(
      /more than 10,000 pixels/,
    );
  });

  it.each([
    ['JPEG', (image: sharp.Sharp) => image.jpeg()],
    ['PNG', (image: sharp.Sharp) => image.png()],
    ['WebP', (image: sharp.Sharp) => image.webp()],
  ])('refuses a truncated %s', async (_name, encode) => {
    const whole = await encode(sharp(await gradient(400, 400))).toBuffer();
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    await expect(checkImage(cut, LIMIT)).rejects.toThrow(/damaged or incomplete/);
  });

  it('refuses SVG, whose loader is blocked', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await expect(checkImage(svg, LIMIT)).rejects.toThrow(ImageRejected);
  });
});
