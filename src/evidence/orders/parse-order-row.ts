import { type CellValue, type ExportRow, isBlankCell } from './export-row';
import { readAmount } from './order-amount';
import type { LayoutMatch, OrderField } from './order-export-layout';
import { readOrderId } from './order-id';
import { readRating } from './order-rating';
import type { ParsedRow } from './order-export';
import { wasRefunded } from './order-refund';
import { readOrderTime, type TimeContext } from './order-time';

const ISO_CURRENCY = /^[A-Z]{3}$/;

/** One data row of an export as an order, or the reason it cannot be one. */
export function parseOrderRow(row: ExportRow, match: LayoutMatch, context: TimeContext): ParsedRow {
  const cellOf = (field: OrderField): CellValue =>
    match.columns[field]
      .map((column) => row.cells[column] ?? null)
      .find((cell) => !isBlankCell(cell)) ?? null;
  const bad = (reason: string): ParsedRow => ({ ok: false, rowNumber: row.rowNumber, reason });

  const orderId = readOrderId(cellOf('orderId'));
  if (!orderId.ok) return bad(orderId.reason);
  const amount = readAmount(cellOf('amount'), 'amount');
  if (!amount.ok) return bad(amount.reason);
  const refundAmount = readAmount(cellOf('refundAmount'), 'refund amount');
  if (!refundAmount.ok) return bad(refundAmount.reason);
  const orderedAt = readOrderTime(cellOf('orderedAt'), context);
  if (!orderedAt.ok) return bad(orderedAt.reason);

  const status = textOf(cellOf('status'));
  const currencyColumn = textOf(cellOf('currency'))?.toUpperCase();
  const currency =
    match.impliedCurrency ??
    (currencyColumn && ISO_CURRENCY.test(currencyColumn) ? currencyColumn : undefined) ??
    match.signCurrencies.get(amount.currencySign ?? '') ??
    null;
  return {
    ok: true,
    record: {
      rowNumber: row.rowNumber,
      orderId: orderId.orderId,
      buyer: textOf(cellOf('buyer')),
      amount: amount.amount,
      currency,
      orderedAt: orderedAt.time,
      status,
      refunded: wasRefunded(textOf(cellOf('refundStatus')), refundAmount.amount, status),
      refundAmount: refundAmount.amount,
      rating: readRating(cellOf('rating')),
      reviewText: textOf(cellOf('reviewText')),
    },
  };
}

function textOf(cell: CellValue): string | null {
  if (isBlankCell(cell)) return null;
  return cell instanceof Date ? cell.toISOString() : String(cell).trim();
}
