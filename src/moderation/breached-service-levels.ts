import type { ServiceLevel } from '../cases/case-change';

export interface ServiceLevelFields {
  firstResponseDueAt: Date | null;
  firstResponseAt: Date | null;
  firstResponseBreachedAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionBreachedAt: Date | null;
}

/** The service levels a case has missed by `now` and that are not yet marked. */
export function newlyBreached(kase: ServiceLevelFields, now: Date): ServiceLevel[] {
  const past = (due: Date | null) => due !== null && due.getTime() <= now.getTime();
  const breached: ServiceLevel[] = [];
  if (
    kase.firstResponseAt === null &&
    !kase.firstResponseBreachedAt &&
    past(kase.firstResponseDueAt)
  ) {
    breached.push('first_response');
  }
  if (!kase.resolutionBreachedAt && past(kase.resolutionDueAt)) breached.push('resolution');
  return breached;
}

/** The due time a case is working towards now: its first response, then its decision. */
export function nextDue(kase: ServiceLevelFields): Date | null {
  return kase.firstResponseAt === null && kase.firstResponseDueAt
    ? kase.firstResponseDueAt
    : kase.resolutionDueAt;
}
