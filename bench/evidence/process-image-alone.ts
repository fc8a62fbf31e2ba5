import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { processImage } from '../../src/evidence/images/image-processor';
import { childMain, timed, Timed } from './child-main';
import { ImageWorkArgs } from './image-args';
import { eachConcurrently } from './pool';
import { writeSynced } from './write-synced';

// Bulwark's processImage from the build, doing the same files with the same reads and writes as
// plain-sharp.ts, but no queue, database or store: the gap between this and plain sharp is the
// image code's own; the gap between this and the worker is the job around it.

async function processFile(path: string, { outDir, pixelLimit }: ImageWorkArgs): Promise<void> {
  const image = await processImage(await readFile(path), pixelLimit);
  const name = basename(path);
  await writeSynced(join(outDir, `${name}.preview.webp`), image.preview);
  await writeSynced(join(outDir, `${name}.thumbnail.webp`), image.thumbnail);
}

childMain<ImageWorkArgs, Timed>((args) =>
  timed(() => eachConcurrently(args.files, args.concurrency, (path) => processFile(path, args))),
);
