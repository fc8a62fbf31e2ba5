import { ProblemException } from '../problem/problem.exception';

const ENTITY_TAG = /(W\/)?"([^"]*)"/g;

/**
 * Refuses a change made against an older representation (RFC 9110 §13.1.1): with `If-Match`
 * sent, one of its entity-tags must equal the current ETag by strong comparison, so two people
 * acting on what they each read cannot both succeed. Without the header the change goes ahead.
 */
export function requireIfMatch(header: string | undefined, etag: string): void {
  if (header === undefined || header.trim() === '*') return;
  const strongTags = Array.from(header.matchAll(ENTITY_TAG))
    .filter((match) => match[1] === undefined)
    .map((match) => `"${match[2]}"`);
  if (strongTags.includes(etag)) return;
  throw new ProblemException(
    412,
    `The case has changed since it was read (it is now ${etag}); read it again before acting.`,
  );
}
