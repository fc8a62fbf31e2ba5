export const EVIDENCE_STATUSES = ['received', 'processing', 'processed', 'rejected'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
