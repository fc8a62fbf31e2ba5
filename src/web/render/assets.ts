import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** The web pages' files: their script, served here, and their stylesheet, inlined by each page. */
export const ASSETS_DIR = join(process.cwd(), 'public');

const MEDIA_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface Asset {
  mediaType: string;
  /** Changes with the content: pages link `?v=<version>` so browsers may cache for a year. */
  version: string;
  raw: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

/** Every served asset read and compressed once, at start-up. */
export function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const mediaType = MEDIA_TYPES[extname(name)];
    if (!mediaType) continue;
    const raw = readFileSync(join(dir, name));
    assets.set(name, {
      mediaType,
      version: createHash('sha256').update(raw).digest('hex').slice(0, 12),
      raw,
      gzip: gzipSync(raw, { level: 9 }),
      brotli: brotliCompressSync(raw),
    });
  }
  return assets;
}
