export const EVIDENCE_KINDS = [
  'chat_screenshot',
  'order_export',
  'chat_log',
  'recording',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
