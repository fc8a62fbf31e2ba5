import { ValidationProblem } from '../problem/problem.exception';
import { decodeCursor, KeysetCursor } from './cursor';

/** The decoded `cursor` query parameter, or a 400 naming it. */
export function requireCursor(encoded: string | undefined): KeysetCursor | undefined {
  if (encoded === undefined) return undefined;
  const cursor = decodeCursor(encoded);
  if (!cursor) throw new ValidationProblem([{ field: 'cursor', message: 'is not a valid cursor' }]);
  return cursor;
}
