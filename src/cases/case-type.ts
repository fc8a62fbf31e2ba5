/** What a complaint is about; see the domain words in DESIGN.md. */
export const CASE_TYPES = [
  'extortion',
  'malicious_review',
  'malicious_purchase',
  'ad_click_attack',
  'fake_review_ring',
  'other',
] as const;

export type CaseType = (typeof CASE_TYPES)[number];
