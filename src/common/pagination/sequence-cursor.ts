import { ValidationProblem } from '../problem/problem.exception';
import { Page } from './cursor';

/**
 * A position in an append-only log ordered by a database sequence: entries written in the same
 * millisecond, or the same transaction, still have one order.
 */
export function encodeSequenceCursor(seq: string): string {
  return Buffer.from(`s${seq}`).toString('base64url');
}

/** The largest value of a bigint column, and of an integer one. */
export const BIGINT_MAX = 2n ** 63n - 1n;
export const INTEGER_MAX = 2n ** 31n - 1n;

/**
 * The sequence a cursor holds, if it is one within `max`, the largest value of the column it is
 * compared with. Each list states its own: past an integer column, the comparison is a database
 * error (a 500), not a refusal.
 */
export function decodeSequenceCursor(encoded: string, max: bigint): string | undefined {
  const text = Buffer.from(encoded, 'base64url').toString('utf8');
  if (!/^s[1-9]\d{0,18}$/.test(text)) return undefined;
  return BigInt(text.slice(1)) <= max ? text.slice(1) : undefined;
}

/** The decoded `cursor` query parameter, or a 400 naming it. */
export function requireSequenceCursor(
  encoded: string | undefined,
  max: bigint,
): string | undefined {
  if (encoded === undefined) return undefined;
  const seq = decodeSequenceCursor(encoded, max);
  if (!seq) throw new ValidationProblem([{ field: 'cursor', message: 'is not a valid cursor' }]);
  return seq;
}

/** Turns `limit + 1` rows in sequence order into a page and the cursor after its last item. */
export function toSequencePage<Row, Item>(
  rows: Row[],
  limit: number,
  present: (row: Row) => Item,
  seqOf: (row: Row) => string | number,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  return {
    items: pageRows.map(present),
    nextCursor:
      rows.length > limit
        ? encodeSequenceCursor(String(seqOf(pageRows[pageRows.length - 1])))
        : null,
  };
}
