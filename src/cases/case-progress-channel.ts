import type { EntityManager } from 'typeorm';

/** The NOTIFY channel that says "the evidence of this case changed"; the payload is its id. */
export const CASE_PROGRESS_CHANNEL = 'bulwark_evidence_progress';

/** Pokes listeners of a case's progress when the caller's transaction commits. */
export async function announceCaseProgress(manager: EntityManager, caseId: string): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [CASE_PROGRESS_CHANNEL, caseId]);
}
