import exifReader from 'exif-reader';
import type { Sharp } from 'sharp';
import { contentBox } from './content-box';
import { PHASH_SIDE, perceptualHash } from './perceptual-hash';
import { imageRejection, openImage } from './safe-sharp';

const PREVIEW_SIDE = 2048;
const THUMBNAIL_SIDE = 320;

export interface CameraMetadata {
  make?: string;
  model?: string;
  software?: string;
  takenAt?: string;
}

export interface ProcessedImage {
  width: number;
  height: number;
  perceptualHash: string;
  /** WebP, every metadata block stripped. */
  preview: Buffer;
  thumbnail: Buffer;
  camera: CameraMetadata | null;
  /** Where the photo was taken, when the camera said: for moderators only. */
  gps: { latitude: number; longitude: number } | null;
}

function cameraOf(exif: Buffer | undefined): Pick<ProcessedImage, 'camera' | 'gps'> {
  if (!exif) return { camera: null, gps: null };
  try {
    const tags = exifReader(exif);
    const camera: CameraMetadata = {
      make: tags.Image?.Make,
      model: tags.Image?.Model,
      software: tags.Image?.Software,
      takenAt: tags.Photo?.DateTimeOriginal?.toISOString(),
    };
    const latitude = tags.GPSInfo?.GPSLatitude;
    const longitude = tags.GPSInfo?.GPSLongitude;
    const gps =
      latitude && longitude
        ? {
            latitude: toDegrees(latitude, tags.GPSInfo?.GPSLatitudeRef === 'S'),
            longitude: toDegrees(longitude, tags.GPSInfo?.GPSLongitudeRef === 'W'),
          }
        : null;
    const known = Object.values(camera).some((value) => value !== undefined);
    return { camera: known ? camera : null, gps };
  } catch {
    return { camera: null, gps: null };
  }
}

function toDegrees([degrees, minutes, seconds]: number[], negative: boolean): number {
  const value = degrees + minutes / 60 + seconds / 3600;
  return Math.round((negative ? -value : value) * 1e6) / 1e6;
}

/**
 * The perceptual hash of the picture's chat body (see contentBox): the bars a forward crops or a
 * screenshot of the screenshot adds, and black beside it, are left out before the reduction. The
 * body is found on a greyscale decoding (one byte a pixel), then cut from a second decoding.
 */
async function hashOf(upright: () => Sharp): Promise<string> {
  const { data: grey, info } = await upright()
    .removeAlpha()
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = await upright()
    .removeAlpha()
    .extract(contentBox(grey, info.width, info.height))
    .resize(PHASH_SIDE, PHASH_SIDE, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer();
  return perceptualHash(pixels);
}

/**
 * Decodes an image under a pixel limit, refusing anything libvips warns about, and makes what a
 * moderator needs: an upright sanitised preview and thumbnail, its size and a perceptual hash.
 */
export async function processImage(bytes: Buffer, pixelLimit: number): Promise<ProcessedImage> {
  const open = () => openImage(bytes, pixelLimit);
  try {
    const metadata = await open().metadata();
    const upright = () => open().rotate();
    const [preview, thumbnail, hash] = await Promise.all([
      upright()
        .resize(PREVIEW_SIDE, PREVIEW_SIDE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true }),
      upright()
        .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 75 })
        .toBuffer(),
      hashOf(upright),
    ]);
    const swapped = (metadata.orientation ?? 1) >= 5;
    return {
      width: (swapped ? metadata.height : metadata.width) ?? preview.info.width,
      height: (swapped ? metadata.width : metadata.height) ?? preview.info.height,
      perceptualHash: hash,
      preview: preview.data,
      thumbnail,
      ...cameraOf(metadata.exif),
    };
  } catch (error) {
    throw imageRejection(error, pixelLimit);
  }
}

/** The perceptual hash alone, as processImage computes it, for a screenshot processed before. */
export async function perceptualHashOf(bytes: Buffer, pixelLimit: number): Promise<string> {
  try {
    return await hashOf(() => openImage(bytes, pixelLimit).rotate());
  } catch (error) {
    throw imageRejection(error, pixelLimit);
  }
}
