/** Width and height of the greyscale thumbnail a perceptual hash is taken from. */
export const PHASH_SIDE = 64;
/** The lowest frequencies kept in each direction: 16 x 16 = 256 bits. */
const KEPT_FREQUENCIES = 16;
/** Far below a grey level: what a flat picture's coefficients hold is rounding noise, not a bit. */
const ROUNDING_NOISE = 1e-6;

const COSINES = Array.from({ length: KEPT_FREQUENCIES }, (_, frequency) =>
  Array.from({ length: PHASH_SIDE }, (_, x) =>
    Math.cos(((2 * x + 1) * frequency * Math.PI) / (2 * PHASH_SIDE)),
  ),
);

/** The lowest 16 x 16 coefficients of the image's 2-D DCT-II, row by row (unscaled). */
function lowFrequencies(pixels: Uint8Array): number[] {
  const rows = Array.from({ length: PHASH_SIDE }, (_, y) =>
    COSINES.map((cosine) => cosine.reduce((sum, c, x) => sum + c * pixels[y * PHASH_SIDE + x], 0)),
  );
  const coefficients: number[] = [];
  for (let v = 0; v < KEPT_FREQUENCIES; v += 1) {
    for (let u = 0; u < KEPT_FREQUENCIES; u += 1) {
      coefficients.push(COSINES[v].reduce((sum, c, y) => sum + c * rows[y][u], 0));
    }
  }
  return coefficients;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * A 256-bit DCT perceptual hash (pHash): each bit says whether one of the 16x16 lowest
 * frequencies of a 64x64 greyscale reduction is above their median. Low frequencies are the page's layout of
 * light and dark, which resizing and JPEG barely touch; a difference hash compares neighbouring
 * pixels, which those shift. The DC term takes a bit but not a say in the median, as it only
 * measures brightness. Returned as 64 hex digits.
 */
export function perceptualHash(pixels: Uint8Array): string {
  if (pixels.length !== PHASH_SIDE * PHASH_SIDE) {
    throw new Error(`A perceptual hash needs ${PHASH_SIDE * PHASH_SIDE} greyscale pixels`);
  }
  const coefficients = lowFrequencies(pixels);
  const threshold = median(coefficients.slice(1));
  let hash = 0n;
  for (const coefficient of coefficients)
    hash = (hash << 1n) | (coefficient > threshold + ROUNDING_NOISE ? 1n : 0n);
  return hash.toString(16).padStart(64, '0');
}

/** How many bits two hashes of one length differ in. */
export function hammingDistance(a: string, b: string): number {
  let difference = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (difference > 0n) {
    count += 1;
    difference &= difference - 1n;
  }
  return count;
}
