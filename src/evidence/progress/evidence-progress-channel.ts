import type { EntityManager } from 'typeorm';

/** The NOTIFY channel that says "the evidence of this case changed"; the payload is its id. */
export const EVIDENCE_PROGRESS_CHANNEL = 'bulwark_evidence_progress';

/** Pokes listeners of a case's evidence when the caller's transaction commits. */
export async function announceEvidenceChange(
  manager: EntityManager,
  caseId: string,
): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [EVIDENCE_PROGRESS_CHANNEL, caseId]);
}
