import sharp from 'sharp';

// Below this width a screenshot's text is too small for tesseract's line recogniser: doubling
// such images found every identifier in bench/intel where the originals missed some.
const UPSCALE_BELOW_WIDTH = 600;

/**
 * A screenshot as tesseract reads it best: upright (tesseract ignores EXIF orientation), opaque,
 * in greyscale (on a coloured chat bubble, WeChat green or iMessage blue, tesseract found no text
 * at all), and doubled when narrow. A PNG, for OcrPool.recognize().
 */
export async function prepareForOcr(image: Buffer): Promise<Buffer> {
  const pipeline = sharp(image, { autoOrient: true });
  const { autoOrient } = await pipeline.metadata();
  pipeline.flatten({ background: '#ffffff' }).toColourspace('b-w');
  if (autoOrient.width < UPSCALE_BELOW_WIDTH) {
    pipeline.resize({ width: autoOrient.width * 2, kernel: 'lanczos3' });
  }
  // Read once within milliseconds: encoding speed matters more than size.
  return pipeline.png({ compressionLevel: 1 }).toBuffer();
}
