import { isUUID } from 'class-validator';
import { ValidationProblem } from '../../common/problem/problem.exception';

/** A position in the riskiest-first list: the score and the id that breaks ties. */
export interface RiskCursor {
  riskScore: number;
  id: string;
}

export function encodeRiskCursor(cursor: RiskCursor): string {
  return Buffer.from(JSON.stringify([cursor.riskScore, cursor.id])).toString('base64url');
}

/** The decoded `cursor` query parameter, or a 400 naming it. */
export function requireRiskCursor(encoded: string | undefined): RiskCursor | undefined {
  if (encoded === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [riskScore, id] = parsed as unknown[];
      if (typeof riskScore === 'number' && Number.isFinite(riskScore) && typeof id === 'string') {
        if (isUUID(id)) return { riskScore, id };
      }
    }
  } catch {
    // not JSON: refused below
  }
  throw new ValidationProblem([{ field: 'cursor', message: 'is not a valid cursor' }]);
}
