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

/** The values the sorted column can hold: a risk score, a count. */
export interface ScoreRange {
  min: number;
  max: number;
  integer: boolean;
}

export const RISK_SCORES: ScoreRange = { min: 0, max: 100, integer: false };
export const COUNTS: ScoreRange = { min: 0, max: 2 ** 31 - 1, integer: true };

/** The decoded `cursor` query parameter, or a 400 naming it; its score must fit its column. */
export function requireScoreCursor(
  encoded: string | undefined,
  range: ScoreRange,
): ScoreCursor | undefined {
  if (encoded === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [score, id] = parsed as unknown[];
      if (typeof score === 'number' && fits(score, range) && typeof id === 'string') {
        if (isUUID(id)) return { score, id };
      }
    }
  } catch {
    // not JSON: refused below
  }
  throw new ValidationProblem([{ field: 'cursor', message: 'is not a valid cursor' }]);
}

function fits(score: number, range: ScoreRange): boolean {
  return (
    Number.isFinite(score) &&
    score >= range.min &&
    score <= range.max &&
    (!range.integer || Number.isInteger(score))
  );
}
