import exifReader from 'exif-reader';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { PHASH_SIDE, perceptualHash } from '../../src/evidence/images/perceptual-hash';
import { childMain, timed, Timed } from './child-main';
import { ImageWorkArgs } from './image-args';
import { eachConcurrently } from './pool';
import { writeSynced } from './write-synced';

// The baseline of the image pipeline: plain sharp, written the way its documentation shows for
// several outputs of one input (clone()), doing what a Bulwark job does to a screenshot and
// nothing else. It reads the file, decodes it with the same limits (pixel limit, fail on any
// warning), reads its size and EXIF, turns it upright, writes a 2048 WebP preview (quality 82)
// and a 320 WebP thumbnail (quality 75) to disk with fsync, and reduces it to 64x64 grey for the
// perceptual hash: the sizes and qualities of src/evidence/images/image-processor.ts. No queue,
// no database, default sharp and libuv settings, as the worker has.

async function processFile(path: string, { outDir, pixelLimit }: ImageWorkArgs): Promise<void> {
  const image = sharp(await readFile(path), { limitInputPixels: pixelLimit, failOn: 'warning' });
  const metadata = await image.metadata();
  if (metadata.exif) exifReader(metadata.exif);
  const upright = image.rotate();
  const [preview, thumbnail, grey] = await Promise.all([
    upright
      .clone()
      .resize(2048, 2048, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer(),
    upright
      .clone()
      .resize(320, 320, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer(),
    upright.clone().resize(PHASH_SIDE, PHASH_SIDE, { fit: 'fill' }).greyscale().raw().toBuffer(),
  ]);
  perceptualHash(grey);
  const name = basename(path);
  await writeSynced(join(outDir, `${name}.preview.webp`), preview);
  await writeSynced(join(outDir, `${name}.thumbnail.webp`), thumbnail);
}

childMain<ImageWorkArgs, Timed>((args) =>
  timed(() => eachConcurrently(args.files, args.concurrency, (path) => processFile(path, args))),
);
