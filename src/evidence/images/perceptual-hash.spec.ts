import fc from 'fast-check';
import { hammingDistance, PHASH_SIDE, perceptualHash } from './perceptual-hash';

const PIXELS = PHASH_SIDE * PHASH_SIDE;
const pixels = fc.uint8Array({ minLength: PIXELS, maxLength: PIXELS });

/** Dark on the left and light on the right, or the other way round. */
const halves = (leftValue: number, rightValue: number) =>
  Uint8Array.from({ length: PIXELS }, (_, index) =>
    index % PHASH_SIDE < PHASH_SIDE / 2 ? leftValue : rightValue,
  );

describe('perceptual hashes', () => {
  it('sets only the brightness bit for a flat grey picture', () => {
    expect(perceptualHash(new Uint8Array(PIXELS).fill(128))).toBe(`8${'0'.repeat(63)}`);
  });

  it('sets bits only in the first row of frequencies for an edge across, and flips them in its mirror image', () => {
    const edge = perceptualHash(halves(20, 230));
    // The first 16 bits (4 hex digits) are the horizontal frequencies; a vertical edge has no other.
    expect(edge.slice(4)).toBe('0'.repeat(60));
    // Of those, the 8 odd frequencies 1, 3, ... 15 change sign when the edge is mirrored.
    expect(hammingDistance(edge, perceptualHash(halves(230, 20)))).toBe(8);
  });

  it('is 64 hex digits, and at distance 0 from itself', () => {
    fc.assert(
      fc.property(pixels, (image) => {
        const hash = perceptualHash(image);
        expect(hash).toMatch(/^[0-9a-f]{64}$/);
        expect(hammingDistance(hash, hash)).toBe(0);
      }),
    );
  });

  it('does not move when the whole image gets brighter', () => {
    const unclipped = fc.uint8Array({ minLength: PIXELS, maxLength: PIXELS, max: 215 });
    fc.assert(
      fc.property(unclipped, fc.integer({ min: 1, max: 40 }), (image, lift) => {
        const lifted = image.map((value) => value + lift);
        expect(perceptualHash(lifted)).toBe(perceptualHash(image));
      }),
    );
  });

  it('refuses a reduction of the wrong size', () => {
    expect(() => perceptualHash(new Uint8Array(72))).toThrow(/4096 greyscale pixels/);
  });

  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('0000000000000001', '0000000000000003')).toBe(1);
  });
});
