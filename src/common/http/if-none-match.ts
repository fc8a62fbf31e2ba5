/** An entity-tag (RFC 9110 §8.8.3): an optional weakness prefix, then an opaque quoted string. */
const ENTITY_TAG = /(?:W\/)?"([^"]*)"/g;

function opaqueTags(value: string): string[] {
  return Array.from(value.matchAll(ENTITY_TAG), (match) => match[1]);
}

/**
 * Whether an If-None-Match field value matches the current representation (RFC 9110 §13.1.2):
 * `*` matches any; otherwise one of the listed entity-tags must equal its ETag by weak comparison,
 * which ignores a W/ prefix on either side (§8.8.3.2).
 */
export function ifNoneMatchMatches(header: string, etag: string | undefined): boolean {
  if (header.trim() === '*') return true;
  const [current] = etag === undefined ? [] : opaqueTags(etag);
  return current !== undefined && opaqueTags(header).includes(current);
}
