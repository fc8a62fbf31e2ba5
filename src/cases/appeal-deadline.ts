const DAY_MS = 86_400_000;

/** Until when the seller may appeal a decided case; null when there is no decision to appeal. */
export function appealDeadline(
  kase: { status: string; decidedAt: Date | null; appealedAt: Date | null },
  windowDays: number,
): Date | null {
  if (kase.status !== 'resolved' || kase.decidedAt === null || kase.appealedAt !== null)
    return null;
  return new Date(kase.decidedAt.getTime() + windowDays * DAY_MS);
}
