import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderRecordDraft } from './order-export';
import type { OrderRecordRow } from './order-record.view';

/** Each column, its array type for unnest, and where a draft keeps its value. */
const COLUMNS: [string, string, (draft: OrderRecordDraft) => unknown][] = [
  ['row_number', 'int', (draft) => draft.rowNumber],
  ['order_id', 'text', (draft) => draft.orderId],
  ['buyer', 'text', (draft) => draft.buyer],
  ['amount', 'numeric', (draft) => draft.amount],
  ['currency', 'text', (draft) => draft.currency],
  ['ordered_at', 'timestamptz', (draft) => draft.orderedAt?.toISOString() ?? null],
  ['status', 'text', (draft) => draft.status],
  ['refunded', 'bool', (draft) => draft.refunded],
  ['refund_amount', 'numeric', (draft) => draft.refundAmount],
  ['rating', 'int2', (draft) => draft.rating],
  ['review_text', 'text', (draft) => draft.reviewText],
];

const INSERT = `INSERT INTO order_records (evidence_id, case_id, seller_id, ${COLUMNS.map(([name]) => name).join(', ')})
  SELECT $1, cases.id, cases.seller_id, rows.*
  FROM cases, unnest(${COLUMNS.map(([, type], index) => `$${index + 3}::${type}[]`).join(', ')}) AS rows
  WHERE cases.id = $2
  ON CONFLICT (evidence_id, row_number) DO NOTHING`;

@Injectable()
export class OrderRecordsRepository {
  /**
   * Inserts one batch of rows of an export as a single statement, owned by the case's seller. A row already recorded for the same file and
   * line is left as it is, so a processing job that runs twice records each row once.
   */
  async insertBatch(
    manager: EntityManager,
    evidence: { id: string; caseId: string },
    drafts: OrderRecordDraft[],
  ): Promise<void> {
    if (drafts.length === 0) return;
    await manager.query(INSERT, [
      evidence.id,
      evidence.caseId,
      ...COLUMNS.map(([, , valueOf]) => drafts.map(valueOf)),
    ]);
  }

  /** `limit + 1` rows of an export after row `after`, in file order. */
  page(
    manager: EntityManager,
    evidenceId: string,
    after: string | undefined,
    limit: number,
  ): Promise<OrderRecordRow[]> {
    return manager.query(
      `SELECT row_number::text AS seq, order_id, buyer, amount::text, currency, ordered_at, status,
              refunded, refund_amount::text, rating, review_text
       FROM order_records WHERE evidence_id = $1 AND row_number > $2
       ORDER BY row_number LIMIT $3`,
      [evidenceId, after ?? '0', limit + 1],
    );
  }

  /** Forgets the rows of an export that was rejected part way through. */
  async deleteOfEvidence(manager: EntityManager, evidenceId: string): Promise<void> {
    await manager.query('DELETE FROM order_records WHERE evidence_id = $1', [evidenceId]);
  }
}
