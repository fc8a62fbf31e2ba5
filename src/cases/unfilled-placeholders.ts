import { ProblemException } from '../common/problem/problem.exception';

/** A reply template's placeholder, such as `{{caseReference}}`, with optional spaces inside. */
const PLACEHOLDER = /\{\{\s*([\w.-]*)\s*\}\}/g;

/** The placeholders a text still holds: a message with any left is not sent. */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[0]))];
}

/** A reply from staff still holding a template's placeholder is refused rather than sent. */
export function refuseUnfilledPlaceholders(text: string, field: string): void {
  const unfilled = unfilledPlaceholders(text);
  if (unfilled.length === 0) return;
  throw new ProblemException(422, 'The message still holds placeholders to fill in.', [
    { field, message: `fill in ${unfilled.join(', ')}` },
  ]);
}
