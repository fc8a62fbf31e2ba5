import { ApiProperty } from '@nestjs/swagger';

export class OrderRecordView {
  @ApiProperty({ description: 'Row in the file; the header is row 1' }) row!: number;
  @ApiProperty() orderId!: string;
  @ApiProperty({ type: String, nullable: true }) buyer!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '50.00', description: 'A decimal string' })
  amount!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'CNY' }) currency!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) orderedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'As the export wrote it' })
  status!: string | null;
  @ApiProperty() refunded!: boolean;
  @ApiProperty({ type: String, nullable: true }) refundAmount!: string | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 }) rating!: number | null;
  @ApiProperty({ type: String, nullable: true }) reviewText!: string | null;
}

export class OrderRecordPageView {
  @ApiProperty({ type: [OrderRecordView] }) items!: OrderRecordView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export interface OrderRecordRow {
  seq: string;
  order_id: string;
  buyer: string | null;
  amount: string | null;
  currency: string | null;
  ordered_at: Date | null;
  status: string | null;
  refunded: boolean;
  refund_amount: string | null;
  rating: number | null;
  review_text: string | null;
}

export function toOrderRecordView(row: OrderRecordRow): OrderRecordView {
  return {
    row: Number(row.seq),
    orderId: row.order_id,
    buyer: row.buyer,
    amount: row.amount,
    currency: row.currency,
    orderedAt: row.ordered_at?.toISOString() ?? null,
    status: row.status,
    refunded: row.refunded,
    refundAmount: row.refund_amount,
    rating: row.rating,
    reviewText: row.review_text,
  };
}
