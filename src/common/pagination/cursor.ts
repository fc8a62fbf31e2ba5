import { isUUID } from 'class-validator';
/** A keyset position: the sort timestamp and the id that breaks ties. */
export interface KeysetCursor {
  at: Date;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

/** Returns undefined for anything that is not a cursor this service issued. */
export function decodeCursor(encoded: string): KeysetCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [at, id] = parsed as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || !isUUID(id)) return undefined;
    const date = new Date(at);
    return isStorableTime(date) ? { at: date, id } : undefined;
  } catch {
    return undefined;
  }
}

/** Within what a timestamptz column holds and any row was written at: years 1 to 9999. */
function isStorableTime(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1 && year <= 9999;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Turns `limit + 1` fetched rows into a page and the cursor after its last item. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  positionOf: (row: Row) => KeysetCursor,
  present: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return {
    items: pageRows.map(present),
    nextCursor: hasMore ? encodeCursor(positionOf(pageRows[pageRows.length - 1])) : null,
  };
}
