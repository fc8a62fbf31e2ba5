import { perceptualHash } from '../../src/evidence/images/perceptual-hash';

/**
 * The greyscale reduction a hash is taken from: a fraction trimmed off top and bottom first, or
 * only the bottom `bottomWidths` image widths of it, which a cropped status bar does not move.
 */
export interface Reduction {
  width: number;
  height: number;
  trimTop: number;
  trimBottom: number;
  bottomWidths?: number;
  /** Only the chat body found by src/evidence/images/content-box.ts, bars and black sides cut. */
  contentBox?: true;
}

/** A perceptual hash under test: a reduction of the screenshot and the bits taken from it. */
export interface CandidateHash {
  name: string;
  bits: number;
  reduction: Reduction;
  /** The hash src/evidence/images computes. */
  production?: true;
  hash(pixels: Uint8Array): bigint;
}

function bitsOf(flags: boolean[]): bigint {
  let hash = 0n;
  for (const flag of flags) hash = (hash << 1n) | (flag ? 1n : 0n);
  return hash;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Each bit: is a pixel darker than its right neighbour, on a (columns + 1) x rows reduction. */
function difference(columns: number, rows: number, pixels: Uint8Array): bigint {
  const flags: boolean[] = [];
  for (let y = 0; y < rows; y += 1) {
    for (let x = 0; x < columns; x += 1) {
      flags.push(pixels[y * (columns + 1) + x] < pixels[y * (columns + 1) + x + 1]);
    }
  }
  return bitsOf(flags);
}

/** Each bit: is a block brighter than the median block. */
function blockMean(pixels: Uint8Array): bigint {
  const threshold = median(Array.from(pixels));
  return bitsOf(Array.from(pixels, (value) => value > threshold));
}

/** The lowest `keep` x `keep` frequencies of a square 2-D DCT-II, row by row. */
function lowFrequencies(pixels: Uint8Array, side: number, keep: number): number[] {
  const cosines = Array.from({ length: keep }, (_, u) =>
    Array.from({ length: side }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * side))),
  );
  const rows = Array.from({ length: side }, (_, y) =>
    cosines.map((cosine) => cosine.reduce((sum, c, x) => sum + c * pixels[y * side + x], 0)),
  );
  const coefficients: number[] = [];
  for (let v = 0; v < keep; v += 1) {
    for (let u = 0; u < keep; u += 1) {
      coefficients.push(cosines[v].reduce((sum, c, y) => sum + c * rows[y][u], 0));
    }
  }
  return coefficients;
}

/** Each bit: is a low frequency above the median of them (pHash). */
function dct(side: number, keep: number, pixels: Uint8Array): bigint {
  const coefficients = lowFrequencies(pixels, side, keep);
  const threshold = median(coefficients.slice(1));
  return bitsOf(coefficients.map((value) => value > threshold));
}

const whole = { trimTop: 0, trimBottom: 0 };
/** Below the status and title bars, above the input bar: where two chats differ. */
const content = { trimTop: 0.12, trimBottom: 0.1 };

export const CANDIDATE_HASHES: readonly CandidateHash[] = [
  {
    name: 'dHash 9x8 (today)',
    bits: 64,
    reduction: { width: 9, height: 8, ...whole },
    hash: (pixels) => difference(8, 8, pixels),
  },
  {
    name: 'dHash 9x8, content',
    bits: 64,
    reduction: { width: 9, height: 8, ...content },
    hash: (pixels) => difference(8, 8, pixels),
  },
  {
    name: 'dHash 9x16',
    bits: 128,
    reduction: { width: 9, height: 16, ...whole },
    hash: (pixels) => difference(8, 16, pixels),
  },
  {
    name: 'dHash 17x16',
    bits: 256,
    reduction: { width: 17, height: 16, ...whole },
    hash: (pixels) => difference(16, 16, pixels),
  },
  {
    name: 'dHash 17x16, content',
    bits: 256,
    reduction: { width: 17, height: 16, ...content },
    hash: (pixels) => difference(16, 16, pixels),
  },
  {
    name: 'pHash 32x32→8x8',
    bits: 64,
    reduction: { width: 32, height: 32, ...whole },
    hash: (pixels) => dct(32, 8, pixels),
  },
  {
    name: 'pHash 32x32→8x8, content',
    bits: 64,
    reduction: { width: 32, height: 32, ...content },
    hash: (pixels) => dct(32, 8, pixels),
  },
  {
    name: 'pHash 32x32→8x8, bottom 1.5 widths',
    bits: 64,
    reduction: { width: 32, height: 32, ...whole, bottomWidths: 1.5 },
    hash: (pixels) => dct(32, 8, pixels),
  },
  {
    name: 'dHash 9x8, bottom 1.5 widths',
    bits: 64,
    reduction: { width: 9, height: 8, ...whole, bottomWidths: 1.5 },
    hash: (pixels) => difference(8, 8, pixels),
  },
  {
    name: 'pHash 64x64→16x16 (before)',
    bits: 256,
    reduction: { width: 64, height: 64, ...whole },
    hash: (pixels) => BigInt(`0x${perceptualHash(pixels)}`),
  },
  {
    name: 'pHash 64x64→16x16, content box',
    bits: 256,
    production: true,
    reduction: { width: 64, height: 64, ...whole, contentBox: true },
    hash: (pixels) => BigInt(`0x${perceptualHash(pixels)}`),
  },
  {
    name: 'pHash 32x32→8x8, content box',
    bits: 64,
    reduction: { width: 32, height: 32, ...whole, contentBox: true },
    hash: (pixels) => dct(32, 8, pixels),
  },
  {
    name: 'block mean 16x16',
    bits: 256,
    reduction: { width: 16, height: 16, ...whole },
    hash: blockMean,
  },
  {
    name: 'block mean 16x16, content',
    bits: 256,
    reduction: { width: 16, height: 16, ...content },
    hash: blockMean,
  },
];
