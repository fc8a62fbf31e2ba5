import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REPEAT_OFFENDER_PRIORITY } from '../intel/offenders/offender-facts.service';
import type { CaseStatus } from '../cases/case-status';
import { UNDECIDED } from '../cases/case-transitions';
import type { CaseType } from '../cases/case-type';
import type { PriorityTerm } from '../cases/priority-term';
import type { Platform } from '../common/platform';
import type { SqlCondition } from './queue-filter';
import type { PriorityInputs } from './queue-priority';

export type CaseInputs = PriorityInputs & { caseId: string };

const DAY_MS = 86_400_000;

export interface LastDay {
  inbound: number;
  actioned: number;
  averageSeconds: number | null;
}

export interface OpenedWalk {
  firstIds: string[];
  /** Whether the queue holds more than the first page. */
  more: boolean;
  rest: () => Promise<Buffer>;
}

export interface QueueItemRow {
  id: string;
  reference: string;
  title: string;
  type: CaseType;
  platform: Platform;
  status: CaseStatus;
  queue_priority: number;
  priority_terms: PriorityTerm[];
  repeat_offender: boolean;
  demand_deadline: Date | null;
  appealed: boolean;
  decided_by: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  claim_expires_at: Date | null;
  seller_name: string;
  seller_since: Date;
  waiting_since: Date;
  created_at: Date;
  in_campaign: boolean;
  first_response_due_at: Date | null;
  first_response_at: Date | null;
  resolution_due_at: Date | null;
  first_response_breached_at: Date | null;
  resolution_breached_at: Date | null;
  shop_verified: boolean;
  likely_duplicate: boolean;
  victim_shops: number | null;
  verified_victims: number | null;
}

interface InputRow {
  id: string;
  type: PriorityInputs['type'];
  status: PriorityInputs['status'];
  amount_demanded: string | null;
  demand_deadline: Date | null;
  waiting_since: Date;
  appealed: boolean;
  answered: boolean;
  repeat_offender: boolean;
  in_campaign: boolean;
  seller_since: Date;
  service_level_due_at: Date | null;
}

/** What the queue reads: the formula's inputs of cases, and the cases a campaign touches. */
@Injectable()
export class QueueReadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async priorityInputs(caseIds: string[]): Promise<CaseInputs[]> {
    const rows: InputRow[] = await this.dataSource.query(
      `SELECT c.id, c.type, c.status, c.amount_demanded, c.demand_deadline, c.waiting_since,
              c.appealed_at IS NOT NULL AS appealed,
              coalesce((SELECT e.data->>'move' = 'seller_replied' FROM case_events e
                         WHERE e.case_id = c.id AND e.kind = 'status_changed'
                         ORDER BY e.case_seq DESC LIMIT 1), false) AS answered,
              c.priority >= $2 AS repeat_offender,
              EXISTS (SELECT 1 FROM campaign_cases cc WHERE cc.case_id = c.id) AS in_campaign,
              u.created_at AS seller_since,
              CASE WHEN c.first_response_at IS NULL AND c.first_response_due_at IS NOT NULL
                   THEN c.first_response_due_at ELSE c.resolution_due_at END AS service_level_due_at
         FROM cases c JOIN users u ON u.id = c.seller_id
        WHERE c.id = ANY($1::uuid[])`,
      [caseIds, REPEAT_OFFENDER_PRIORITY],
    );
    return rows.map((row) => ({
      caseId: row.id,
      type: row.type,
      status: row.status,
      repeatOffender: row.repeat_offender,
      inCampaign: row.in_campaign,
      amountDemanded: row.amount_demanded === null ? null : Number(row.amount_demanded),
      demandDeadline: row.demand_deadline,
      sellerSince: row.seller_since,
      waitingSince: row.waiting_since,
      appealed: row.appealed,
      answered: row.answered,
      serviceLevelDueAt: row.service_level_due_at,
    }));
  }

  /**
   * Opens a walk of the filtered queue: in one repeatable-read transaction, its first `limit`
   * ids at once, then, when `rest` is called, the whole ranking as the same snapshot saw it (ids
   * in rank order, 16 bytes each, one buffer). `rest` must be called: it ends the transaction.
   */
  async openWalk(condition: SqlCondition, limit: number): Promise<OpenedWalk> {
    const runner = this.dataSource.createQueryRunner();
    const order = 'ORDER BY c.queue_priority DESC, c.id DESC';
    try {
      await runner.connect();
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const first: { id: string }[] = await runner.query(
        `SELECT c.id FROM cases c WHERE ${condition.sql} ${order}
          LIMIT ${limit + 1}`,
        condition.params,
      );
      const rest = async (): Promise<Buffer> => {
        try {
          // Sorted below, aggregated in that order: an ORDER BY inside string_agg would sort
          // again instead of reading the index in order.
          const [row]: { ids: Buffer | null }[] = await runner.query(
            `SELECT string_agg(id, ''::bytea) AS ids FROM (
               SELECT uuid_send(c.id) AS id FROM cases c WHERE ${condition.sql} ${order}) ranked`,
            condition.params,
          );
          await runner.query('COMMIT');
          return row.ids ?? Buffer.alloc(0);
        } finally {
          await runner.release();
        }
      };
      return {
        firstIds: first.slice(0, limit).map((row) => row.id),
        more: first.length > limit,
        rest,
      };
    } catch (error) {
      await runner.release();
      throw error;
    }
  }

  /** The cases of a page, in the order of `ids`. */
  async items(ids: string[]): Promise<QueueItemRow[]> {
    if (ids.length === 0) return [];
    const rows: QueueItemRow[] = await this.dataSource.query(
      `SELECT c.id, c.reference, c.title, c.type, c.platform, c.status, c.queue_priority,
              c.priority_terms, c.priority >= $2 AS repeat_offender, c.demand_deadline,
              c.appealed_at IS NOT NULL AND c.status = ANY($3::text[]) AS appealed,
              c.decided_by,
              c.assignee_id, a.display_name AS assignee_name, c.claim_expires_at,
              u.display_name AS seller_name, u.created_at AS seller_since,
              c.waiting_since, c.created_at, c.first_response_due_at, c.first_response_at,
              c.resolution_due_at, c.first_response_breached_at, c.resolution_breached_at,
              EXISTS (SELECT 1 FROM campaign_cases cc WHERE cc.case_id = c.id) AS in_campaign,
              sh.verified_at IS NOT NULL AS shop_verified,
              c.likely_duplicate_of IS NOT NULL AND c.marked_separate_at IS NULL
                AND c.merged_into IS NULL AS likely_duplicate,
              v.shops AS victim_shops, v.verified AS verified_victims
         FROM cases c
         JOIN users u ON u.id = c.seller_id
         LEFT JOIN shops sh ON sh.id = u.shop_id
         LEFT JOIN users a ON a.id = c.assignee_id
         -- The victims of the case's most widespread offender.
         LEFT JOIN LATERAL (
           SELECT max(o.seller_count)::int AS shops, max(o.verified_seller_count)::int AS verified
           FROM offenders o WHERE o.id IN (
             SELECT m.offender_id FROM sightings s
             JOIN offender_members m ON m.identifier_id = s.identifier_id
             WHERE s.case_id = c.id AND s.link_group IS NOT NULL AND s.status <> 'rejected')
         ) v ON true
        WHERE c.id = ANY($1::uuid[])`,
      [ids, REPEAT_OFFENDER_PRIORITY, UNDECIDED],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Cases per status under the filter, its status filter aside. */
  async countsByStatus(condition: SqlCondition): Promise<Record<string, number>> {
    const rows: { status: string; n: number }[] = await this.dataSource.query(
      `SELECT c.status, count(*)::int AS n FROM cases c WHERE ${condition.sql} GROUP BY c.status`,
      condition.params,
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  /** Filed and decided in the 24 h before `now`, with the mean time from one to the other. */
  async lastDay(query: { type?: string; platform?: string }, now: Date): Promise<LastDay> {
    const [row]: { inbound: number; actioned: number; average: number | null }[] =
      await this.dataSource.query(
        `SELECT count(*) FILTER (WHERE c.created_at > $1)::int AS inbound,
                count(*) FILTER (WHERE c.decided_at > $1)::int AS actioned,
                avg(EXTRACT(EPOCH FROM c.decided_at - c.created_at))
                  FILTER (WHERE c.decided_at > $1)::float AS average
           FROM cases c
          WHERE (c.created_at > $1 OR c.decided_at > $1)
            AND ($2::text IS NULL OR c.type = $2) AND ($3::text IS NULL OR c.platform = $3)`,
        [new Date(now.getTime() - DAY_MS), query.type ?? null, query.platform ?? null],
      );
    return {
      inbound: row.inbound,
      actioned: row.actioned,
      averageSeconds: row.average === null ? null : Math.round(row.average),
    };
  }

  async casesOfCampaign(campaignId: string): Promise<string[]> {
    const rows: { case_id: string }[] = await this.dataSource.query(
      'SELECT case_id FROM campaign_cases WHERE campaign_id = $1',
      [campaignId],
    );
    return rows.map((row) => row.case_id);
  }
}
