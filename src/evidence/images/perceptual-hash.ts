/** Width and height of the greyscale thumbnail a difference hash is taken from. */
export const DHASH_WIDTH = 9;
export const DHASH_HEIGHT = 8;

/**
 * A 64-bit difference hash: each bit says whether a pixel is darker than its right neighbour in a
 * 9x8 greyscale reduction. Re-encoding, resizing and small edits barely move it, so reused
 * screenshots land a few bits apart. Returned as 16 hex digits.
 */
export function differenceHash(pixels: Uint8Array): string {
  if (pixels.length !== DHASH_WIDTH * DHASH_HEIGHT) {
    throw new Error(`A difference hash needs ${DHASH_WIDTH * DHASH_HEIGHT} greyscale pixels`);
  }
  let hash = 0n;
  for (let y = 0; y < DHASH_HEIGHT; y += 1) {
    for (let x = 0; x < DHASH_WIDTH - 1; x += 1) {
      const left = pixels[y * DHASH_WIDTH + x];
      const right = pixels[y * DHASH_WIDTH + x + 1];
      hash = (hash << 1n) | (left < right ? 1n : 0n);
    }
  }
  return hash.toString(16).padStart(16, '0');
}

/** How many of the 64 bits two hashes differ in. */
export function hammingDistance(a: string, b: string): number {
  let difference = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (difference > 0n) {
    count += Number(difference & 1n);
    difference >>= 1n;
  }
  return count;
}
