import type { CountryCode } from 'libphonenumber-js/max';
import { extractIdentifiers, type ExtractedIdentifier } from './extract-identifiers';

// Two values of one kind this close are one value read two ways ("xxw_chaping6714" and
// "xw_chaping6714", "tb_sellerl102" and "tb_seller102"): the first reading's stands.
const SAME_VALUE_MISREAD = 2;

const keyOf = ({ identifier }: ExtractedIdentifier) =>
  `${identifier.kind}\u0000${identifier.scope}\u0000${identifier.value}`;

/**
 * One text from two OCR readings of a screenshot: the first, then the lines of the second that
 * show an identifier the first lacks (its label may be a line above, where a bubble wrapped).
 * An identifier only the second reading has is added unless the first reading has one of the
 * same kind that differs from it in a character or two, which is the same value misread. When
 * the added lines would give anything else, the first reading is kept as it is.
 */
export function mergeReadings(
  first: string,
  second: string,
  options: { defaultRegion: CountryCode },
): string {
  const found = extractIdentifiers(first, options);
  const known = new Set(found.map(keyOf));
  const added = extractIdentifiers(second, options).filter(
    (candidate) =>
      !known.has(keyOf(candidate)) &&
      !found.some(
        ({ identifier }) =>
          identifier.kind === candidate.identifier.kind &&
          editDistance(identifier.value, candidate.identifier.value) <= SAME_VALUE_MISREAD,
      ),
  );
  const lines = added.flatMap((candidate) => linesShowing(second, candidate, options) ?? []);
  if (lines.length === 0) return first;
  const merged = `${first.replace(/\n*$/, '\n')}\n${[...new Set(lines)].join('\n')}\n`;
  const expected = new Set([...known, ...added.map(keyOf)]);
  const mergedKeys = new Set(extractIdentifiers(merged, options).map(keyOf));
  const exact =
    mergedKeys.size === expected.size && [...mergedKeys].every((key) => expected.has(key));
  return exact ? merged : first;
}

/** The line that shows `candidate` in `text`, with the line before when its label is there. */
function linesShowing(
  text: string,
  candidate: ExtractedIdentifier,
  options: { defaultRegion: CountryCode },
): string | undefined {
  const lineStart = text.lastIndexOf('\n', candidate.start - 1) + 1;
  const lineEnd = text.indexOf('\n', candidate.end);
  const end = lineEnd < 0 ? text.length : lineEnd;
  const previousStart = lineStart === 0 ? 0 : text.lastIndexOf('\n', lineStart - 2) + 1;
  const key = keyOf(candidate);
  return [text.slice(lineStart, end), text.slice(previousStart, end)].find((lines) =>
    extractIdentifiers(lines, options).some((found) => keyOf(found) === key),
  );
}

/** Levenshtein distance: insertions, deletions and substitutions of one character. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
