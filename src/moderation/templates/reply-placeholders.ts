import { unfilledPlaceholders } from '../../cases/unfilled-placeholders';

export const REPLY_LANGUAGES = ['en', 'zh'] as const;
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];

/** What a template may ask to be filled in, from the case it is used on. */
export const PLACEHOLDERS = ['caseReference', 'sellerName'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const KNOWN = new Set<string>(PLACEHOLDERS.map((name) => `{{${name}}}`));

/** Placeholders a template body names that no case can fill. */
export function unknownPlaceholders(body: string): string[] {
  return unfilledPlaceholders(body).filter((found) => !KNOWN.has(found.replace(/\s+/g, '')));
}

/** The body with each known placeholder replaced; unknown ones stay, for the send to refuse. */
export function fillTemplate(body: string, values: Record<Placeholder, string>): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (found, name: string) =>
    name in values ? values[name as Placeholder] : found,
  );
}
