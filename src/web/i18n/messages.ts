import type { Locale } from './locale';
import { en, type Messages } from './messages.en';
import { zh } from './messages.zh';

export type { Messages };

const CATALOGUES: Record<Locale, Messages> = { en, zh };

export const messagesFor = (locale: Locale): Messages => CATALOGUES[locale];
