export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Remembers the reader's choice of language. */
export const LOCALE_COOKIE = 'bulwark_lang';

/** The BCP 47 tag of each locale, for `<html lang>` and Intl. */
export const LANGUAGE_TAG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The language ranges of an Accept-Language header, most preferred first. */
function rangesOf(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [range = '', ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { range: range.trim(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ range, weight }) => range !== '' && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ range }) => range);
}

/** The remembered choice first, then the browser's preference; English when neither says. */
export function chooseLocale(remembered: unknown, acceptLanguage: string | undefined): Locale {
  if (isLocale(remembered)) return remembered;
  for (const range of rangesOf(acceptLanguage ?? '')) {
    if (range === 'zh' || range.startsWith('zh-')) return 'zh';
    if (range === 'en' || range.startsWith('en-')) return 'en';
  }
  return 'en';
}
