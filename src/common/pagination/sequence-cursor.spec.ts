import fc from 'fast-check';
import {
  BIGINT_MAX,
  decodeSequenceCursor,
  encodeSequenceCursor,
  INTEGER_MAX,
  toSequencePage,
} from './sequence-cursor';

describe('sequence cursors', () => {
  it('round-trips any positive bigint', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), (seq) => {
        expect(decodeSequenceCursor(encodeSequenceCursor(String(seq)), BIGINT_MAX)).toBe(
          String(seq),
        );
      }),
    );
  });

  it.each([
    '',
    'garbage',
    Buffer.from('s0').toString('base64url'),
    Buffer.from('s-1').toString('base64url'),
  ])('refuses %j', (value) => expect(decodeSequenceCursor(value, BIGINT_MAX)).toBeUndefined());

  it('refuses a sequence past the range of the column it is compared with', () => {
    const pastInteger = encodeSequenceCursor(String(INTEGER_MAX + 1n));
    expect(decodeSequenceCursor(pastInteger, INTEGER_MAX)).toBeUndefined();
    expect(decodeSequenceCursor(pastInteger, BIGINT_MAX)).toBe(String(INTEGER_MAX + 1n));
  });

  it('pages limit+1 rows into items and a cursor after the last item', () => {
    const rows = ['7', '8', '9'].map((seq) => ({ seq }));
    const page = toSequencePage(
      rows,
      2,
      (row) => row.seq,
      (row) => row.seq,
    );
    expect(page.items).toEqual(['7', '8']);
    expect(decodeSequenceCursor(page.nextCursor!, BIGINT_MAX)).toBe('8');
    expect(
      toSequencePage(
        rows.slice(0, 2),
        2,
        (row) => row.seq,
        (row) => row.seq,
      ).nextCursor,
    ).toBeNull();
  });
});
