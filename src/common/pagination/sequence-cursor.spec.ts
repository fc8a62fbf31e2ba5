import fc from 'fast-check';
import { decodeSequenceCursor, encodeSequenceCursor, toSequencePage } from './sequence-cursor';

describe('sequence cursors', () => {
  it('round-trips any positive bigint', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), (seq) => {
        expect(decodeSequenceCursor(encodeSequenceCursor(String(seq)))).toBe(String(seq));
      }),
    );
  });

  it.each([
    '',
    'garbage',
    Buffer.from('s0').toString('base64url'),
    Buffer.from('s-1').toString('base64url'),
  ])('refuses %j', (value) => expect(decodeSequenceCursor(value)).toBeUndefined());

  it('pages limit+1 rows into items and a cursor after the last item', () => {
    const rows = ['7', '8', '9'].map((seq) => ({ seq }));
    const page = toSequencePage(
      rows,
      2,
      (row) => row.seq,
      (row) => row.seq,
    );
    expect(page.items).toEqual(['7', '8']);
    expect(decodeSequenceCursor(page.nextCursor!)).toBe('8');
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
