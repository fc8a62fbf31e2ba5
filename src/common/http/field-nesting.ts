import { ProblemException } from '../problem/problem.exception';

/** The deepest path in a parsed form body: `qq` is depth 0, `phone[]` 1, `a[b][c]` 2. */
function deepest(value: unknown, path: string, depth: number): { path: string; depth: number } {
  let found = { path, depth };
  if (value === null || typeof value !== 'object') return found;
  for (const [key, child] of Object.entries(value)) {
    const below = deepest(child, `${path}[${key}]`, depth + 1);
    if (below.depth > found.depth) found = below;
  }
  return found;
}

/**
 * Refuses a form whose field names nest deeper than `limit` brackets. Body parsers turn
 * `a[b][c]` into nested objects; no Bulwark form needs more than a repeated `name[]`.
 */
export function assertFieldNesting(body: unknown, limit: number): void {
  if (body === null || typeof body !== 'object') return;
  for (const [name, value] of Object.entries(body)) {
    const found = deepest(value, name, 0);
    if (found.depth > limit) {
      throw new ProblemException(
        413,
        `Field names may nest at most ${limit} level deep; ${found.path} nests ${found.depth}.`,
      );
    }
  }
}
