/** One order as read from a seller's export, before it is linked to a case. */
export interface OrderRecordDraft {
  /** 1-based line (CSV, TSV) or row (XLSX) in the file; the header is 1. */
  rowNumber: number;
  orderId: string;
  buyer: string | null;
  /** An exact decimal, e.g. "50.00"; never a float. */
  amount: string | null;
  /** ISO 4217, when the export says or implies it. */
  currency: string | null;
  orderedAt: Date | null;
  status: string | null;
  /** A refund happened or was asked for. */
  refunded: boolean;
  refundAmount: string | null;
  /** 1..5. */
  rating: number | null;
  reviewText: string | null;
}

export type OrderExportLayout = 'taobao' | 'amazon' | 'generic';

export type ParsedRow =
  { ok: true; record: OrderRecordDraft } | { ok: false; rowNumber: number; reason: string };

export interface OrderExportLimits {
  /** Data rows, the header not counted. */
  maxRows: number;
  /** What all parts of an XLSX may unpack to, together. */
  maxUncompressedBytes: number;
  /** The offset in which times written without one are read, e.g. '+08:00'. */
  localUtcOffset: string;
}

export const DEFAULT_ORDER_EXPORT_LIMITS: OrderExportLimits = {
  maxRows: 200_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  localUtcOffset: '+08:00',
};
