import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HitSource } from './campaign-hits';
import type { FoundCampaign } from './find-campaigns';

/** Any fixed number: campaign detections take turns, so two never write one campaign at once. */
const CAMPAIGNS_LOCK_KEY = 0x63616d70;

// As hitOf counts them; masked names ("t**1") stand for many accounts and would join everything.
const HIT_CONDITION = `(r.refunded OR r.rating <= 2) AND r.ordered_at IS NOT NULL
  AND r.buyer IS NOT NULL AND r.buyer NOT LIKE '%*%'`;

interface HitRow {
  seller_id: string;
  buyer: string;
  ordered_at: Date;
  refunded: boolean;
  rating: number | null;
}

/** The SQL of campaigns: the hits around an export, and found campaigns kept current. */
@Injectable()
export class CampaignsRepository {
  async takeTurn(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CAMPAIGNS_LOCK_KEY]);
  }

  /**
   * The hits a new export can take part in: its seller's hits around the export's own and
   * around any siege on that seller it reaches (a siege spans exports, which may come in any
   * order), and every seller's hits by the accounts that hit in it, within a ring window of them.
   * The cost follows the export, its accounts and the sieges it touches, not the whole table.
   */
  async hitsAround(
    manager: EntityManager,
    evidenceId: string,
    siegeWindowHours: number,
    ringWindowDays: number,
  ): Promise<HitSource[]> {
    const rows: HitRow[] = await manager.query(
      `WITH export AS (
         SELECT r.seller_id, r.buyer, r.ordered_at FROM order_records r
         WHERE r.evidence_id = $1 AND ${HIT_CONDITION}
       ), own AS (
         SELECT min(seller_id::text)::uuid AS seller_id, min(ordered_at) AS first_at,
                max(ordered_at) AS last_at FROM export
       ), span AS (
         SELECT own.seller_id, least(own.first_at, min(c.starts_at)) AS first_at,
                greatest(own.last_at, max(c.ends_at)) AS last_at
         FROM own
         LEFT JOIN campaign_sellers cs ON cs.seller_id = own.seller_id
         LEFT JOIN campaigns c ON c.id = cs.campaign_id AND c.kind = 'siege'
          AND c.starts_at <= own.last_at + make_interval(hours => $2)
          AND c.ends_at >= own.first_at - make_interval(hours => $2)
         GROUP BY own.seller_id, own.first_at, own.last_at
       )
       SELECT r.seller_id::text, r.buyer, r.ordered_at, r.refunded, r.rating
       FROM order_records r, span
       WHERE r.seller_id = span.seller_id AND ${HIT_CONDITION}
         AND r.ordered_at BETWEEN span.first_at - make_interval(hours => $2)
                              AND span.last_at + make_interval(hours => $2)
       UNION
       SELECT r.seller_id::text, r.buyer, r.ordered_at, r.refunded, r.rating
       FROM (SELECT buyer, min(ordered_at) AS first_at, max(ordered_at) AS last_at
             FROM export GROUP BY buyer) accounts
       JOIN order_records r ON r.buyer = accounts.buyer
        AND r.ordered_at BETWEEN accounts.first_at - make_interval(days => $3)
                             AND accounts.last_at + make_interval(days => $3)
       WHERE ${HIT_CONDITION}`,
      [evidenceId, siegeWindowHours, ringWindowDays],
    );
    return rows.map((row) => ({
      sellerId: row.seller_id,
      buyer: row.buyer,
      orderedAt: row.ordered_at,
      refunded: row.refunded,
      rating: row.rating,
    }));
  }

  /**
   * Creates or updates the campaign by its key, with its accounts, sellers and the cases whose
   * order records hold its hits, and removes the campaigns it grew out of: those of its kind,
   * overlapping it in time, on its sellers, whose accounts it holds all of.
   */
  async save(manager: EntityManager, campaign: FoundCampaign): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO campaigns (key, kind, starts_at, ends_at, hit_count, account_count,
                              seller_count, per_hour, per_day)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (key) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
         hit_count = EXCLUDED.hit_count, account_count = EXCLUDED.account_count,
         seller_count = EXCLUDED.seller_count, per_hour = EXCLUDED.per_hour,
         per_day = EXCLUDED.per_day, updated_at = now()
       RETURNING id::text`,
      [
        campaign.key,
        campaign.kind,
        campaign.startsAt,
        campaign.endsAt,
        campaign.hitCount,
        campaign.accounts.length,
        campaign.sellers.length,
        JSON.stringify(campaign.perHour),
        JSON.stringify(campaign.perDay),
      ],
    );
    await manager.query(
      `DELETE FROM campaigns c
       WHERE c.kind = $2 AND c.id <> $1 AND c.starts_at <= $5 AND c.ends_at >= $4
         AND EXISTS (SELECT 1 FROM campaign_sellers s
                     WHERE s.campaign_id = c.id AND s.seller_id = ANY($3::uuid[]))
         AND NOT EXISTS (SELECT 1 FROM campaign_accounts a
                         WHERE a.campaign_id = c.id AND a.account <> ALL($6::text[]))`,
      [id, campaign.kind, campaign.sellers, campaign.startsAt, campaign.endsAt, campaign.accounts],
    );
    await manager.query('DELETE FROM campaign_accounts WHERE campaign_id = $1', [id]);
    await manager.query('DELETE FROM campaign_sellers WHERE campaign_id = $1', [id]);
    await manager.query('DELETE FROM campaign_cases WHERE campaign_id = $1', [id]);
    await manager.query(
      `INSERT INTO campaign_accounts (campaign_id, account) SELECT $1, unnest($2::text[])`,
      [id, campaign.accounts],
    );
    await manager.query(
      `INSERT INTO campaign_sellers (campaign_id, seller_id) SELECT $1, unnest($2::uuid[])`,
      [id, campaign.sellers],
    );
    await manager.query(
      `INSERT INTO campaign_cases (campaign_id, case_id)
       SELECT DISTINCT $1::uuid, r.case_id FROM order_records r
       WHERE r.seller_id = ANY($2::uuid[]) AND r.buyer = ANY($3::text[])
         AND r.ordered_at BETWEEN $4 AND $5 AND ${HIT_CONDITION}`,
      [id, campaign.sellers, campaign.accounts, campaign.startsAt, campaign.endsAt],
    );
    return id;
  }
}
