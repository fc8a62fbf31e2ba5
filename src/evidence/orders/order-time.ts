import { type CellValue, isBlankCell, quoteCell } from './export-row';

export interface TimeContext {
  /** The offset of the seller's wall clock, for times written without one. */
  utcOffsetMinutes: number;
  date1904: boolean;
}

export type TimeReading = { ok: true; time: Date | null } | { ok: false; reason: string };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Serials below this fall in 1900's phantom leap day; after the last is year 10000. */
const FIRST_UNAMBIGUOUS_SERIAL = 61;
const LAST_EXCEL_SERIAL = 2_958_465;

const OFFSET = /^(?<sign>[+-])(?<hours>\d{2}):?(?<minutes>\d{2})?$/;
const DATE_TIME =
  /^(?<year>\d{4})[-/.年](?<month>\d{1,2})[-/.月](?<day>\d{1,2})日?(?:(?:T|\s+)(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<fraction>\d{1,9}))?)?)?\s*(?<offset>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Minutes east of UTC in '+08:00', '-0500' or '+08'; throws for anything else. */
export function parseUtcOffset(offset: string): number {
  const minutes = offsetMinutes(offset);
  if (minutes === undefined) throw new RangeError(`Not a UTC offset: ${offset}`);
  return minutes;
}

function offsetMinutes(offset: string): number | undefined {
  if (/^(Z|UTC|GMT)$/i.test(offset)) return 0;
  const groups = OFFSET.exec(offset)?.groups;
  if (!groups) return undefined;
  const hours = Number(groups.hours);
  const minutes = Number(groups.minutes ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return (groups.sign === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * The instant an order time names. Text with an offset keeps it; text without one, and the
 * spreadsheet dates and day serials that carry none, are wall time in the seller's offset.
 */
export function readOrderTime(cell: CellValue, context: TimeContext): TimeReading {
  if (isBlankCell(cell)) return { ok: true, time: null };
  const wallMs =
    cell instanceof Date
      ? cell.getTime()
      : typeof cell === 'number'
        ? serialToWallMs(cell, context.date1904)
        : undefined;
  if (wallMs !== undefined && Number.isFinite(wallMs)) {
    return { ok: true, time: new Date(wallMs - context.utcOffsetMinutes * MINUTE_MS) };
  }
  const time = typeof cell === 'string' ? parseTimeText(cell.trim(), context) : undefined;
  return time
    ? { ok: true, time }
    : { ok: false, reason: `order time ${quoteCell(cell)} is not a date` };
}

function serialToWallMs(serial: number, date1904: boolean): number | undefined {
  if (serial < FIRST_UNAMBIGUOUS_SERIAL || serial > LAST_EXCEL_SERIAL) return undefined;
  return (date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900) + Math.round(serial * DAY_MS);
}

function parseTimeText(text: string, context: TimeContext): Date | undefined {
  const groups = DATE_TIME.exec(text)?.groups;
  if (!groups) return undefined;
  const [year, month, day, hour, minute, second] = [
    groups.year,
    groups.month,
    groups.day,
    groups.hour ?? '0',
    groups.minute ?? '0',
    groups.second ?? '0',
  ].map(Number);
  const millisecond = Number((groups.fraction ?? '').padEnd(3, '0').slice(0, 3));
  const offset =
    groups.offset === undefined ? context.utcOffsetMinutes : offsetMinutes(groups.offset);
  if (offset === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
  // Date.UTC rolls 2026-02-30 over to March; a date that moved did not exist.
  if (
    wall.getUTCFullYear() !== year ||
    wall.getUTCMonth() !== month - 1 ||
    wall.getUTCDate() !== day
  ) {
    return undefined;
  }
  return new Date(wall.getTime() - offset * MINUTE_MS);
}
