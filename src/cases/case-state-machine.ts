import type { CaseStatus } from './case-status';

/** What a seller may still do with a case in each status; the moderators' moves come later. */
const SELLER_CAN_WITHDRAW: Record<CaseStatus, boolean> = {
  open: true,
  in_review: true,
  awaiting_seller: true,
  escalated: true,
  resolved: false,
  withdrawn: false,
};

/** Statuses in which the conversation is closed to the seller. */
const CONVERSATION_CLOSED: ReadonlySet<CaseStatus> = new Set(['withdrawn']);

export function canWithdraw(status: CaseStatus): boolean {
  return SELLER_CAN_WITHDRAW[status];
}

export function sellerCanPost(status: CaseStatus): boolean {
  return !CONVERSATION_CLOSED.has(status);
}

/** A seller answering a moderator's question hands the case back to review. */
export function statusAfterSellerMessage(status: CaseStatus): CaseStatus {
  return status === 'awaiting_seller' ? 'in_review' : status;
}
