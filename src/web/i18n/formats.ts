import { LANGUAGE_TAG, type Locale } from './locale';

/** `+08:00` as minutes east of UTC; anything else reads as UTC. */
function offsetMinutes(offset: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The moment moved so that its UTC fields read as the wall clock of `offset`. */
const onWallClock = (iso: string, offset: string): Date =>
  new Date(Date.parse(iso) + offsetMinutes(offset) * 60_000);

/**
 * A moment as the reader's locale writes it, on the wall clock of `offset` (the case's), with
 * the offset named so a reader elsewhere is not misled.
 */
export function formatDateTime(iso: string, locale: Locale, offset: string): string {
  const text = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(onWallClock(iso, offset));
  return `${text} (UTC${offset})`;
}

/** An amount as the reader's locale writes money; the amount is a decimal string. */
export function formatMoney(amount: string, currency: string, locale: Locale): string {
  const decimals = amount.split('.')[1]?.length ?? 0;
  try {
    return new Intl.NumberFormat(LANGUAGE_TAG[locale], {
      style: 'currency',
      currency,
      minimumFractionDigits: decimals,
    }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

/** A byte count in the largest unit that keeps it above one. */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString(LANGUAGE_TAG[locale], { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** The hour a moment falls in, short, on the wall clock of `offset`: a chart's tick. */
export function formatHour(iso: string, locale: Locale, offset: string): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAG[locale], {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(onWallClock(iso, offset));
}

/** A rate to one decimal, as the reader's locale writes numbers. */
export function formatRate(rate: number, locale: Locale): string {
  return new Intl.NumberFormat(LANGUAGE_TAG[locale], { maximumFractionDigits: 1 }).format(rate);
}
