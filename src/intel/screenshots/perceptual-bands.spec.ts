import fc from 'fast-check';
import { hammingDistance } from '../../evidence/images/perceptual-hash';
import { perceptualBands, SCREENSHOT_MATCH_DISTANCE } from './perceptual-bands';

const hash256 = fc
  .bigInt({ min: 0n, max: 2n ** 256n - 1n })
  .map((n) => n.toString(16).padStart(64, '0'));

function flipBits(hash: string, positions: number[]): string {
  let bits = BigInt(`0x${hash}`);
  for (const position of positions) bits ^= 1n << BigInt(position);
  return bits.toString(16).padStart(64, '0');
}

describe('perceptualBands', () => {
  it('cuts a hash into one more band than the match distance, each tagged with its position', () => {
    const bands = perceptualBands('f'.repeat(64));
    expect(bands).toHaveLength(SCREENSHOT_MATCH_DISTANCE + 1);
    expect(new Set(bands).size).toBe(bands.length);
    expect(perceptualBands('0'.repeat(64))).not.toEqual(bands);
    // The band column is a 32-bit integer.
    expect(Math.max(...bands)).toBeLessThan(2 ** 31);
  });

  it('refuses what is not a 256-bit hex hash', () => {
    expect(() => perceptualBands('xyz')).toThrow(/256-bit/);
    expect(() => perceptualBands('F'.repeat(64))).toThrow(/256-bit/);
    expect(() => perceptualBands('f'.repeat(16))).toThrow(/256-bit/);
  });

  it('gives two hashes within the match distance at least one equal band', () => {
    fc.assert(
      fc.property(
        hash256,
        fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: SCREENSHOT_MATCH_DISTANCE }),
        (hash, flips) => {
          const near = flipBits(hash, flips);
          expect(hammingDistance(hash, near)).toBe(flips.length);
          const shared = perceptualBands(near).filter((band) =>
            perceptualBands(hash).includes(band),
          );
          expect(shared.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
