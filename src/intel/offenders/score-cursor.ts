import { isUUID } from 'class-validator';
import { ValidationProblem } from '../../common/problem/problem.exception';

/**
 * A position in a list sorted by a number, highest first (offenders by risk, hubs by parties):
 * the number and the id that breaks ties.
 */
export interface ScoreCursor {
  score: number;
  id: string;
}

export function encodeScoreCursor(cursor: ScoreCursor): string {
  return Buffer.from(JSON.stringify([cursor.score, cursor.id])).toString('base64url');
}

/** The decoded `cursor` query parameter, or a 400 naming it. */
export function requireScoreCursor(encoded: string | undefined): ScoreCursor | undefined {
  if (encoded === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [score, id] = parsed as unknown[];
      if (typeof score === 'number' && Number.isFinite(score) && typeof id === 'string') {
        if (isUUID(id)) return { score, id };
      }
    }
  } catch {
    // not JSON: refused below
  }
  throw new ValidationProblem([{ field: 'cursor', message: 'is not a valid cursor' }]);
}
