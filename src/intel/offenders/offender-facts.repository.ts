import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CurrencyTotals } from './offender.entity';

/**
 * The cases each offender in $1 was sighted in, as a CTE named offender_cases. A duplicate
 * counts as the case it was merged into, so an incident is never counted twice.
 */
const OFFENDER_CASES = `offender_cases AS (
  SELECT DISTINCT m.offender_id, COALESCE(sc.merged_into, s.case_id) AS case_id
  FROM offender_members m
  JOIN sightings s ON s.identifier_id = m.identifier_id
   AND s.link_group IS NOT NULL AND s.status <> 'rejected'
  JOIN cases sc ON sc.id = s.case_id
  WHERE m.offender_id = ANY($1::uuid[]))`;

export interface OffenderFactsRow {
  id: string;
  /** Distinct shops: two accounts of one shop are one victim. */
  seller_count: number;
  verified_seller_count: number;
  case_count: number;
  /** Its cases a moderator upheld: the link confirmed by a decision. */
  upheld_count: number;
  cases_in_window: number;
  first_seen_at: Date | null;
  last_seen_at: Date | null;
  case_types: string[];
  totals: CurrencyTotals;
  paid: boolean;
  flagged_at: Date | null;
}

/**
 * Facts of offenders from their cases, counted afresh for each offender asked about: the cost is
 * its own sightings and cases. Withdrawn cases and complaints a moderator rejected do not count.
 * A case whose seller typed no amount demanded counts the largest one its screenshots and chat
 * logs name, per currency.
 */
@Injectable()
export class OffenderFactsRepository {
  async factsOf(
    manager: EntityManager,
    offenderIds: string[],
    windowDays: number,
  ): Promise<OffenderFactsRow[]> {
    return manager.query(
      `WITH ${OFFENDER_CASES}, counted AS (
         SELECT oc.offender_id, c.*, COALESCE(c.incident_at, c.created_at) AS seen_at,
                u.shop_id AS victim_shop, sh.verified_at IS NOT NULL AS victim_verified,
                (c.likely_duplicate_of IS NOT NULL AND c.marked_separate_at IS NULL
                 AND EXISTS (SELECT 1 FROM cases o WHERE o.id = c.likely_duplicate_of
                             AND o.status <> 'withdrawn'
                             AND o.outcome IS DISTINCT FROM 'rejected')) AS pending_duplicate
         FROM offender_cases oc JOIN cases c ON c.id = oc.case_id
         JOIN users u ON u.id = c.seller_id LEFT JOIN shops sh ON sh.id = u.shop_id
         WHERE c.status <> 'withdrawn' AND c.outcome IS DISTINCT FROM 'rejected'
       ), windows AS (
         SELECT offender_id, count(*) OVER (
           PARTITION BY offender_id ORDER BY seen_at
           RANGE BETWEEN make_interval(days => $2) PRECEDING AND CURRENT ROW) AS in_window
         FROM counted WHERE NOT pending_duplicate
       ), read_amounts AS (
         SELECT c.offender_id, c.id, a->>'currency' AS currency,
                max((a->>'amount')::numeric) AS demanded
         FROM counted c
         JOIN evidence e ON e.case_id = c.id AND e.amounts_demanded IS NOT NULL
         CROSS JOIN jsonb_array_elements(e.amounts_demanded) a
         WHERE c.amount_demanded IS NULL
         GROUP BY c.offender_id, c.id, a->>'currency'
       ), money AS (
         SELECT offender_id, jsonb_object_agg(currency, jsonb_build_object(
           'demanded', demanded::text, 'paid', paid::text)) AS totals
         FROM (SELECT offender_id, currency, sum(demanded) AS demanded, sum(paid) AS paid
               FROM (SELECT offender_id, currency, COALESCE(amount_demanded, 0) AS demanded,
                            COALESCE(amount_paid, 0) AS paid
                     FROM counted WHERE currency IS NOT NULL
                     UNION ALL
                     SELECT offender_id, currency, demanded, 0 FROM read_amounts) parts
               GROUP BY offender_id, currency) sums
         GROUP BY offender_id
       )
       SELECT o.id::text, o.flagged_at,
              (SELECT count(DISTINCT victim_shop) FROM counted WHERE offender_id = o.id)::int AS seller_count,
              (SELECT count(DISTINCT victim_shop) FROM counted
                WHERE offender_id = o.id AND victim_verified)::int AS verified_seller_count,
              (SELECT count(*) FROM counted WHERE offender_id = o.id)::int AS case_count,
              (SELECT count(*) FROM counted
                WHERE offender_id = o.id AND outcome = 'upheld')::int AS upheld_count,
              COALESCE((SELECT max(in_window) FROM windows WHERE offender_id = o.id), 0)::int AS cases_in_window,
              (SELECT min(seen_at) FROM counted WHERE offender_id = o.id) AS first_seen_at,
              (SELECT max(seen_at) FROM counted WHERE offender_id = o.id) AS last_seen_at,
              COALESCE((SELECT array_agg(DISTINCT type ORDER BY type) FROM counted WHERE offender_id = o.id), '{}') AS case_types,
              COALESCE((SELECT totals FROM money WHERE offender_id = o.id), '{}') AS totals,
              EXISTS (SELECT 1 FROM counted WHERE offender_id = o.id AND amount_paid > 0) AS paid
       FROM offenders o WHERE o.id = ANY($1::uuid[])`,
      [offenderIds, windowDays],
    );
  }

  async save(
    manager: EntityManager,
    row: OffenderFactsRow,
    riskScore: number,
    repeatOffender: boolean,
  ): Promise<void> {
    await manager.query(
      `UPDATE offenders SET seller_count = $2, case_count = $3, first_seen_at = $4,
         last_seen_at = $5, case_types = $6, totals = $7, risk_score = $8, repeat_offender = $9,
         upheld_count = $10, verified_seller_count = $11, updated_at = now()
       WHERE id = $1`,
      [
        row.id,
        row.seller_count,
        row.case_count,
        row.first_seen_at,
        row.last_seen_at,
        row.case_types,
        row.totals,
        riskScore,
        repeatOffender,
        row.upheld_count,
        row.verified_seller_count,
      ],
    );
  }

  /** Sets the flag unless set; true only for the one call that set it. */
  async flag(manager: EntityManager, offenderId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH flagged AS (
         UPDATE offenders SET flagged_at = now() WHERE id = $1 AND flagged_at IS NULL RETURNING id
       ) SELECT id FROM flagged`,
      [offenderId],
    );
    return rows.length === 1;
  }

  /** The open cases of an offender whose priority is below `priority`. */
  async openCasesBelow(
    manager: EntityManager,
    offenderId: string,
    priority: number,
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id::text FROM cases
       WHERE priority < $2 AND status NOT IN ('resolved', 'withdrawn') AND id IN (
         SELECT s.case_id FROM offender_members m
         JOIN sightings s ON s.identifier_id = m.identifier_id
          AND s.link_group IS NOT NULL AND s.status <> 'rejected'
         WHERE m.offender_id = $1)`,
      [offenderId, priority],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Whether each case of these offenders is now "reported elsewhere" (another of their cases was
   * upheld by a moderator), for the cases whose answer differs from what they show. Linear in
   * the offenders' cases: each case compares its offender's count of upheld cases with its own
   * part in it.
   */
  async reportedElsewhereChanges(
    manager: EntityManager,
    offenderIds: string[],
  ): Promise<{ caseId: string; reportedElsewhere: boolean }[]> {
    const rows: { case_id: string; upheld: boolean }[] = await manager.query(
      `WITH ${OFFENDER_CASES}, with_outcome AS (
         SELECT oc.offender_id, oc.case_id, (c.outcome = 'upheld') AS upheld
         FROM offender_cases oc JOIN cases c ON c.id = oc.case_id
       ), upheld_per_offender AS (
         SELECT offender_id, count(*) FILTER (WHERE upheld) AS upheld_cases
         FROM with_outcome GROUP BY offender_id
       ), answers AS (
         SELECT w.case_id,
                bool_or(u.upheld_cases - (CASE WHEN w.upheld THEN 1 ELSE 0 END) > 0) AS upheld
         FROM with_outcome w JOIN upheld_per_offender u USING (offender_id)
         GROUP BY w.case_id
       )
       SELECT answers.case_id::text, answers.upheld FROM answers JOIN cases c ON c.id = answers.case_id
       WHERE c.reported_elsewhere IS DISTINCT FROM answers.upheld`,
      [offenderIds],
    );
    return rows.map((row) => ({ caseId: row.case_id, reportedElsewhere: row.upheld }));
  }

  /** The offenders sighted in any case of the shop. */
  async offendersOfShop(manager: EntityManager, shopId: string): Promise<string[]> {
    const rows: { offender_id: string }[] = await manager.query(
      `SELECT DISTINCT m.offender_id::text FROM users u
       JOIN cases c ON c.seller_id = u.id
       JOIN sightings s ON s.case_id = c.id AND s.link_group IS NOT NULL AND s.status <> 'rejected'
       JOIN offender_members m ON m.identifier_id = s.identifier_id
       WHERE u.shop_id = $1 AND m.offender_id IS NOT NULL`,
      [shopId],
    );
    return rows.map((row) => row.offender_id);
  }

  /** The cases these offenders were sighted in. */
  async casesOf(manager: EntityManager, offenderIds: string[]): Promise<string[]> {
    const rows: { case_id: string }[] = await manager.query(
      `WITH ${OFFENDER_CASES} SELECT DISTINCT case_id::text FROM offender_cases`,
      [offenderIds],
    );
    return rows.map((row) => row.case_id);
  }

  /**
   * Those of the cases that show the mark though no offender holds them any more (their one
   * link was rejected or excluded): no offender is left to be reported elsewhere.
   */
  async markedButUnlinked(manager: EntityManager, caseIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT c.id::text FROM cases c
       WHERE c.id = ANY($1::uuid[]) AND c.reported_elsewhere AND NOT EXISTS (
         SELECT 1 FROM sightings s JOIN offender_members m ON m.identifier_id = s.identifier_id
         WHERE s.case_id = c.id AND s.link_group IS NOT NULL AND s.status <> 'rejected'
           AND m.offender_id IS NOT NULL)`,
      [caseIds],
    );
    return rows.map((row) => row.id);
  }
}
