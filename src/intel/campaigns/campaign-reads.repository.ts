import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KeysetCursor } from '../../common/pagination/cursor';
import type { HourActivity } from './campaign-activity';
import { BEST_BAD_RATING, WORST_BAD_RATING } from './campaign-hits';
import { CampaignEntity } from './campaign.entity';
import type { CampaignCaseView } from './campaign.view';

/** Campaigns as moderators read them. */
@Injectable()
export class CampaignReadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Latest first, `limit + 1` rows, on the (ends_at, id) index. */
  list(filter: {
    kind?: string;
    sellerId?: string;
    after?: KeysetCursor;
    limit: number;
  }): Promise<CampaignEntity[]> {
    const query = this.dataSource
      .getRepository(CampaignEntity)
      .createQueryBuilder('c')
      .orderBy('c.endsAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.kind) query.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.sellerId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM campaign_sellers s WHERE s.campaign_id = c.id AND s.seller_id = :seller)',
        { seller: filter.sellerId },
      );
    }
    if (filter.after) {
      query.andWhere('(c.endsAt, c.id) < (:at, :id)', {
        at: filter.after.at,
        id: filter.after.id,
      });
    }
    return query.getMany();
  }

  find(id: string): Promise<CampaignEntity | null> {
    return this.dataSource.manager.findOneBy(CampaignEntity, { id });
  }

  async accountsOf(id: string): Promise<string[]> {
    const rows: { account: string }[] = await this.dataSource.query(
      'SELECT account FROM campaign_accounts WHERE campaign_id = $1 ORDER BY account',
      [id],
    );
    return rows.map((row) => row.account);
  }

  async sellersOf(id: string): Promise<string[]> {
    const rows: { seller_id: string }[] = await this.dataSource.query(
      'SELECT seller_id::text FROM campaign_sellers WHERE campaign_id = $1 ORDER BY seller_id',
      [id],
    );
    return rows.map((row) => row.seller_id);
  }

  casesOf(id: string): Promise<CampaignCaseView[]> {
    return this.dataSource.query(
      `SELECT c.id::text, c.reference, c.seller_id::text AS "sellerId", c.status
       FROM campaign_cases cc JOIN cases c ON c.id = cc.case_id
       WHERE cc.campaign_id = $1 ORDER BY c.created_at, c.id`,
      [id],
    );
  }

  /**
   * Orders, refunds and bad reviews per hour at these sellers, from their exports, counting an
   * order once however many exports hold it. Hours since the epoch, so the session's time zone
   * does not matter.
   */
  async activityOf(sellerIds: string[], fromHour: number, toHour: number): Promise<HourActivity[]> {
    const rows: { hour: string; orders: string; refunds: string; bad_reviews: string }[] =
      await this.dataSource.query(
        `WITH orders AS (
           SELECT DISTINCT ON (seller_id, order_id) ordered_at, refunded, rating
             FROM order_records
            WHERE seller_id = ANY($1::uuid[])
              AND ordered_at >= to_timestamp($2 * 3600) AND ordered_at < to_timestamp($3 * 3600)
            ORDER BY seller_id, order_id, ordered_at
         )
         SELECT floor(extract(epoch FROM ordered_at) / 3600)::bigint AS hour,
                count(*) AS orders,
                count(*) FILTER (WHERE refunded) AS refunds,
                count(*) FILTER (WHERE rating BETWEEN $4 AND $5) AS bad_reviews
           FROM orders GROUP BY 1 ORDER BY 1`,
        [sellerIds, fromHour, toHour, WORST_BAD_RATING, BEST_BAD_RATING],
      );
    return rows.map((row) => ({
      hour: Number(row.hour),
      orders: Number(row.orders),
      refunds: Number(row.refunds),
      badReviews: Number(row.bad_reviews),
    }));
  }
}
