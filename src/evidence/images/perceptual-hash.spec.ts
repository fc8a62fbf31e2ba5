import fc from 'fast-check';
import { DHASH_HEIGHT, DHASH_WIDTH, differenceHash, hammingDistance } from './perceptual-hash';

const pixels = fc.uint8Array({
  minLength: DHASH_WIDTH * DHASH_HEIGHT,
  maxLength: DHASH_WIDTH * DHASH_HEIGHT,
});

describe('difference hashes', () => {
  it('sets a bit where a pixel is darker than its right neighbour', () => {
    const rising = Uint8Array.from({ length: 72 }, (_, index) => index % 9);
    expect(differenceHash(rising)).toBe('ffffffffffffffff');
    expect(differenceHash(new Uint8Array(72))).toBe('0000000000000000');
  });

  it('is 16 hex digits, and at distance 0 from itself', () => {
    fc.assert(
      fc.property(pixels, (image) => {
        const hash = differenceHash(image);
        expect(hash).toMatch(/^[0-9a-f]{16}$/);
        expect(hammingDistance(hash, hash)).toBe(0);
      }),
    );
  });

  it('does not move when the whole image gets brighter', () => {
    const unclipped = fc.uint8Array({ minLength: 72, maxLength: 72, max: 215 });
    fc.assert(
      fc.property(unclipped, fc.integer({ min: 1, max: 40 }), (image, lift) => {
        const lifted = image.map((value) => value + lift);
        expect(differenceHash(lifted)).toBe(differenceHash(image));
      }),
    );
  });

  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('0000000000000001', '0000000000000003')).toBe(1);
  });
});
