/** A reply template's placeholder, such as `{{caseReference}}`, with optional spaces inside. */
const PLACEHOLDER = /\{\{\s*([\w.-]*)\s*\}\}/g;

/** The placeholders a text still holds: a message with any left is not sent. */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[0]))];
}
