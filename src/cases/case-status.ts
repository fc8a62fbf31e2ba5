export const CASE_STATUSES = [
  'open',
  'in_review',
  'awaiting_seller',
  'escalated',
  'resolved',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_OUTCOMES = ['upheld', 'rejected', 'duplicate'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** What a decision recommends be done; the seller reads them with the summary. */
export const RESOLUTION_ACTIONS = [
  'ban_recommended',
  'review_removal_requested',
  'refund_recommended',
  'police_report_recommended',
  'no_action',
] as const;
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

/** Where an extortion demand reached the seller. */
export const DEMAND_CHANNELS = [
  'qq',
  'wechat',
  'sms',
  'phone_call',
  'email',
  'platform_chat',
  'other',
] as const;
export type DemandChannel = (typeof DEMAND_CHANNELS)[number];
