import { ValidateBy, ValidationOptions } from 'class-validator';

/** A date and time with its offset; a time without one would be read in the server's zone. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** JavaScript rolls 30 February over into March; a real calendar date does not. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isTimestamp(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    TIMESTAMP.test(value) &&
    isCalendarDate(value) &&
    !Number.isNaN(new Date(value).getTime())
  );
}

export const IsTimestamp = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isTimestamp',
      validator: {
        validate: isTimestamp,
        defaultMessage: () =>
          'must be a date and time with its UTC offset, such as 2026-11-18T09:30:00+08:00',
      },
    },
    options,
  );
