/** Where a case's claim stands for the moderator asking. */
export type ClaimState = 'free' | 'mine' | 'held' | 'lapsed';

export interface ClaimFields {
  assigneeId: string | null;
  claimExpiresAt: Date | null;
}

/** A claim past its lease is as good as free, whether or not the lapse job has run yet. */
export function claimState(kase: ClaimFields, moderatorId: string, now: Date): ClaimState {
  if (kase.assigneeId === null) return 'free';
  if (kase.claimExpiresAt !== null && kase.claimExpiresAt.getTime() <= now.getTime()) {
    return 'lapsed';
  }
  return kase.assigneeId === moderatorId ? 'mine' : 'held';
}
