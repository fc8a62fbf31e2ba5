import fc from 'fast-check';
import { decodeCursor, encodeCursor, toPage } from './cursor';

describe('keyset cursors', () => {
  it('round-trips any position', () => {
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }),
        fc.uuid(),
        (at, id) => {
          expect(decodeCursor(encodeCursor({ at, id }))).toEqual({ at, id });
        },
      ),
    );
  });

  it.each([
    '',
    'garbage',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["x","not-uuid"]').toString('base64url'),
  ])('refuses %j', (value) => expect(decodeCursor(value)).toBeUndefined());

  it('pages limit+1 rows into items and a cursor after the last item', () => {
    const rows = [1, 2, 3].map((n) => ({
      n,
      at: new Date(n * 1000),
      id: `00000000-0000-4000-8000-00000000000${n}`,
    }));
    const page = toPage(
      rows,
      2,
      (row) => ({ at: row.at, id: row.id }),
      (row) => row.n,
    );
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!)).toEqual({ at: rows[1].at, id: rows[1].id });
    expect(
      toPage(
        rows.slice(0, 2),
        2,
        (row) => ({ at: row.at, id: row.id }),
        (row) => row.n,
      ).nextCursor,
    ).toBeNull();
  });
});
