import sharp from 'sharp';
import { hammingDistance } from './perceptual-hash';
import { processImage } from './image-processor';
import { PHONE_PHOTO_EXIF } from '../../../test/factories/images';
import { forwardedCopy, phoneChatScreenshot } from '../../../test/factories/screenshots';
import { SCREENSHOT_MATCH_DISTANCE } from '../../intel/screenshots/perceptual-bands';
import { SCREEN_SIZES } from '../../../test/corpus/render/screen-sizes';
import { VARIANTS } from '../../../test/corpus/variants';
import { ImageRejected } from './safe-sharp';

const LIMIT = 50_000_000;

function gradient(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      pixels[offset] = (x * 255) / width;
      pixels[offset + 1] = (y * 255) / height;
      pixels[offset + 2] = ((x + y) * 127) / (width + height);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

describe('processing a screenshot', () => {
  it('makes an upright, metadata-free WebP preview and thumbnail with the image size', async () => {
    const jpeg = await sharp(await gradient(3000, 1000))
      .jpeg()
      .withExif(PHONE_PHOTO_EXIF)
      .toBuffer();
    const result = await processImage(jpeg, LIMIT);
    expect(result).toEqual(
      expect.objectContaining({
        width: 3000,
        height: 1000,
        camera: expect.objectContaining({ make: 'Xiaomi', model: 'Redmi 12' }),
        gps: { latitude: 31.233333, longitude: 121.466667 },
      }),
    );
    for (const [derived, side] of [
      [result.preview, 2048],
      [result.thumbnail, 320],
    ] as const) {
      const metadata = await sharp(derived).metadata();
      expect(metadata.format).toBe('webp');
      expect(Math.max(metadata.width!, metadata.height!)).toBe(side);
      expect(metadata.exif).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
    }
  });

  it('turns a photo taken sideways upright before measuring it', async () => {
    const sideways = await sharp(await gradient(400, 200))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const result = await processImage(sideways, LIMIT);
    expect([result.width, result.height]).toEqual([200, 400]);
    const preview = await sharp(result.preview).metadata();
    expect([preview.width, preview.height]).toEqual([200, 400]);
  });

  it('hashes a forwarded phone screenshot near it, and another chat of the same app far', async () => {
    const threat = await phoneChatScreenshot(['加我QQ 2847561932 私聊', '不退款我就给差评']);
    const otherChat = await phoneChatScreenshot(['你好，我买的东西有问题', '今天之内给答复']);
    const [original, forwarded, other] = await Promise.all(
      [threat, await forwardedCopy(threat), otherChat].map((image) => processImage(image, LIMIT)),
    );
    expect(hammingDistance(original.perceptualHash, forwarded.perceptualHash)).toBeLessThanOrEqual(
      SCREENSHOT_MATCH_DISTANCE,
    );
    expect(hammingDistance(original.perceptualHash, other.perceptualHash)).toBeGreaterThan(
      SCREENSHOT_MATCH_DISTANCE,
    );
  });

  it('hashes a copy with the status bar cropped, and a screenshot of the screenshot, near it', async () => {
    const threat = await phoneChatScreenshot(['加我QQ 2847561932 私聊', '不退款我就给差评']);
    const otherChat = await phoneChatScreenshot(['你好，我买的东西有问题', '今天之内给答复']);
    const copies = await Promise.all(
      ['status bar cropped', 'screenshot of it'].map((name) =>
        VARIANTS.find((variant) => variant.name === name)!.derive(threat, SCREEN_SIZES[0]),
      ),
    );
    const [original, cropped, rescreened, other] = await Promise.all(
      [threat, ...copies, otherChat].map((image) => processImage(image, LIMIT)),
    );
    for (const copy of [cropped, rescreened]) {
      expect(hammingDistance(original.perceptualHash, copy.perceptualHash)).toBeLessThanOrEqual(
        SCREENSHOT_MATCH_DISTANCE,
      );
      expect(hammingDistance(copy.perceptualHash, other.perceptualHash)).toBeGreaterThan(
        SCREENSHOT_MATCH_DISTANCE,
      );
    }
  });

  it('refuses an image over the pixel limit before decoding it', async () => {
    const png = await gradient(200, 200);
    await expect(processImage(png, 100 * 100)).rejects.toThrow(ImageRejected);
    await expect(processImage(png, 100 * 100)).rejects.toThrow(/more than 10,000 pixels/);
  });

  it('refuses a truncated JPEG', async () => {
    const jpeg = await sharp(await gradient(300, 300))
      .jpeg()
      .toBuffer();
    await expect(processImage(jpeg.subarray(0, jpeg.length / 2), LIMIT)).rejects.toThrow(
      /damaged or incomplete/,
    );
  });

  it('refuses an SVG even when handed one directly', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await expect(processImage(svg, LIMIT)).rejects.toThrow(ImageRejected);
  });
});
