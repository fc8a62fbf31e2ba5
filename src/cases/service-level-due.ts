import type { SlaHours } from '../config/sla-hours';

const HOUR_MS = 3_600_000;

export interface ServiceLevelDue {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
}

/**
 * When moderators must first answer a case filed at `filedAt`, and decide it. A demand with a
 * deadline is due before the deadline, though never sooner than an hour after filing.
 */
export function serviceLevelDue(
  filedAt: Date,
  hours: SlaHours,
  demandDeadline: Date | null,
): ServiceLevelDue {
  const at = (offsetHours: number) => filedAt.getTime() + offsetHours * HOUR_MS;
  const bound = (due: number) =>
    new Date(demandDeadline ? Math.max(at(1), Math.min(due, demandDeadline.getTime())) : due);
  return {
    firstResponseDueAt: bound(at(hours.firstResponse)),
    resolutionDueAt: bound(at(hours.resolution)),
  };
}

/** A decision reopened or appealed is due again, a resolution's hours from now. */
export function resolutionDueAgain(now: Date, hours: SlaHours): Date {
  return new Date(now.getTime() + hours.resolution * HOUR_MS);
}
