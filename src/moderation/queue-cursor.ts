import { isUUID } from 'class-validator';
import { INTEGER_MAX } from '../common/pagination/sequence-cursor';

/** Where a walk of the queue stands: its snapshot, and how far into it the next page starts. */
export interface QueueCursor {
  walkId: string;
  offset: number;
}

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify({ w: cursor.walkId, o: cursor.offset })).toString('base64url');
}

/** Undefined for anything that is not a queue cursor this service issued. */
export function decodeQueueCursor(encoded: string): QueueCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { w, o } = parsed as Record<string, unknown>;
    if (typeof w !== 'string' || !isUUID(w)) return undefined;
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 1 || o > Number(INTEGER_MAX))
      return undefined;
    return { walkId: w, offset: o };
  } catch {
    return undefined;
  }
}
