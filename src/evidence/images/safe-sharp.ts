import sharp from 'sharp';

// Only the raster formats evidence may be; SVG, PDF, TIFF, HEIF, FITS, Magick... never load.
sharp.block({ operation: ['VipsForeignLoad'] });
sharp.unblock({
  operation: [
    'VipsForeignLoadPngBuffer',
    'VipsForeignLoadJpegBuffer',
    'VipsForeignLoadWebpBuffer',
    'VipsForeignLoadGifBuffer',
  ],
});

/** An image that cannot be used, with a reason a seller understands; retrying won't help. */
export class ImageRejected extends Error {}

/** A decoder for untrusted bytes: at most `pixelLimit` pixels, and any libvips warning fails. */
export function openImage(bytes: Buffer, pixelLimit: number): sharp.Sharp {
  return sharp(bytes, { limitInputPixels: pixelLimit, failOn: 'warning' });
}

/** What went wrong with an image, in the seller's words. */
export function imageRejection(error: unknown, pixelLimit: number): ImageRejected {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new ImageRejected(`The image has more than ${pixelLimit.toLocaleString('en')} pixels.`);
  }
  return new ImageRejected('The image is damaged or incomplete and cannot be shown.');
}

/**
 * Decodes the whole image small, so that a damaged, truncated or oversized one is refused while
 * its uploader is still waiting, instead of being accepted and rejected later.
 */
export async function checkImage(bytes: Buffer, pixelLimit: number): Promise<void> {
  try {
    await openImage(bytes, pixelLimit).resize(32, 32, { fit: 'inside' }).raw().toBuffer();
  } catch (error) {
    throw imageRejection(error, pixelLimit);
  }
}
