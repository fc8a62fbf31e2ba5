/**
 * Screenshots at most this many bits apart count as the same picture. Measured on rendered chat
 * screenshots (bench/detection/near-duplicates.ts) with the hash of the chat body alone
 * (src/evidence/images/content-box.ts): resized, JPEG-recompressed and forwarded copies, a copy
 * with the status bar cropped and a screenshot of the screenshot move the 256-bit perceptual hash
 * (pHash) by at most 12 bits, and distinct chats drawn by one app were at least 14 apart.
 */
export const SCREENSHOT_MATCH_DISTANCE = 12;

const BAND_COUNT = SCREENSHOT_MATCH_DISTANCE + 1;
const HASH_BITS = 256;
const BAND_BITS = Math.ceil(HASH_BITS / BAND_COUNT);

/**
 * Cuts a 64-hex-digit hash into `SCREENSHOT_MATCH_DISTANCE + 1` bands, each tagged with its
 * position. Two hashes within the distance differ in at most that many bits, so at least one band
 * holds none of them: equal bands find every candidate, and only candidates are compared.
 */
export function perceptualBands(hash: string): number[] {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a 256-bit hex hash: ${hash}`);
  const bits = BigInt(`0x${hash}`);
  const bands: number[] = [];
  for (let position = 0; position < BAND_COUNT; position += 1) {
    const shift = BigInt(position * BAND_BITS);
    const width = Math.min(BAND_BITS, HASH_BITS - position * BAND_BITS);
    const value = Number((bits >> shift) & ((1n << BigInt(width)) - 1n));
    bands.push(position * 2 ** BAND_BITS + value);
  }
  return bands;
}
