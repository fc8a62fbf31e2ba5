import { isPositiveAmount } from './order-amount';

/** What refund-status columns hold when nothing was refunded or asked for. */
const NO_REFUND = new Set([
  '-',
  '--',
  '—',
  '无',
  '无退款',
  '没有申请退款',
  'no',
  'none',
  'no refund',
  'n/a',
  'false',
  '0',
]);

/** Whether a refund happened or was asked for, by any sign the row gives. */
export function wasRefunded(
  refundStatus: string | null,
  refundAmount: string | null,
  status: string | null,
): boolean {
  if (refundStatus !== null && !NO_REFUND.has(refundStatus.trim().toLowerCase())) return true;
  return isPositiveAmount(refundAmount) || /refund|退款/i.test(status ?? '');
}
