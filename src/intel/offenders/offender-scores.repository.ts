import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OffenderFacts } from './offender-risk';

export interface ScoredOffender {
  id: string;
  riskScore: number;
  /** As PostgreSQL prints it: a Date would drop the microseconds the save compares. */
  updatedAt: string;
  facts: OffenderFacts;
}

/** Offenders' stored facts and scores, for rescoring. */
@Injectable()
export class OffenderScoresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Offenders with cases after `afterId`, in id order. */
  async batch(afterId: string | undefined, limit: number): Promise<ScoredOffender[]> {
    const rows: {
      id: string;
      risk_score: number;
      updated_at: string;
      seller_count: number;
      case_count: number;
      last_seen_at: Date | null;
      paid: boolean;
      extortion: boolean;
    }[] = await this.dataSource.query(
      `SELECT id::text, risk_score, updated_at::text, seller_count, case_count, last_seen_at,
              EXISTS (SELECT 1 FROM jsonb_each(totals) t
                      WHERE (t.value->>'paid')::numeric > 0) AS paid,
              'extortion' = ANY(case_types) AS extortion
       FROM offenders
       WHERE case_count > 0 AND ($1::uuid IS NULL OR id > $1::uuid)
       ORDER BY id LIMIT $2`,
      [afterId ?? null, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      riskScore: row.risk_score,
      updatedAt: row.updated_at,
      facts: {
        sellerCount: row.seller_count,
        caseCount: row.case_count,
        // Not part of the score; the repeat rule is linking's, decided when cases change.
        casesInWindow: 0,
        paid: row.paid,
        extortion: row.extortion,
        lastSeenAt: row.last_seen_at,
      },
    }));
  }

  /**
   * Writes new scores, each only if the offender is as it was read: linking may have counted its
   * facts afresh since, and its score then stands. Returns how many were written.
   */
  async save(scores: { id: string; score: number; updatedAt: string }[]): Promise<number> {
    if (scores.length === 0) return 0;
    const rows: unknown[] = await this.dataSource.query(
      `WITH updated AS (
         UPDATE offenders o SET risk_score = s.score
         FROM unnest($1::uuid[], $2::real[], $3::text[]) AS s(id, score, read_at)
         WHERE o.id = s.id AND o.updated_at = s.read_at::timestamptz
         RETURNING 1
       ) SELECT * FROM updated`,
      [scores.map((s) => s.id), scores.map((s) => s.score), scores.map((s) => s.updatedAt)],
    );
    return rows.length;
  }
}
