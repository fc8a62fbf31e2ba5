import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { entityFromRow } from '../database/entity-from-row';
import type { KeysetCursor } from '../common/pagination/cursor';
import type { Platform } from '../common/platform';
import type { ShopVerificationMethod } from './shop-verification';
import { ShopEntity } from './shop.entity';

export interface ShopFilter {
  platform?: Platform;
  platformShopId?: string;
  after?: KeysetCursor;
  limit: number;
}

export interface ShopMemberRow {
  id: string;
  display_name: string;
  email: string;
  status: string;
  created_at: Date;
  shop_verified_at: Date | null;
}

export interface ShopCaseRow {
  id: string;
  reference: string;
  type: string;
  status: string;
  outcome: string | null;
  likely_duplicate_of: string | null;
  created_at: Date;
}

export interface Verification {
  by: string;
  method: ShopVerificationMethod;
  note: string;
}

const SHOP_CASES_SHOWN = 100;

@Injectable()
export class ShopsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The shop with this platform and id, registered now if it is new. Ids compare without regard
   * to case; an existing shop keeps the name its first account gave it.
   */
  async claim(
    manager: EntityManager,
    shop: { platform: Platform; platformShopId: string; name: string },
  ): Promise<ShopEntity> {
    const [inserted]: Record<string, unknown>[] = await manager.query(
      `INSERT INTO shops (platform, platform_shop_id, name) VALUES ($1, $2, $3)
       ON CONFLICT (platform, lower(platform_shop_id)) DO NOTHING RETURNING *`,
      [shop.platform, shop.platformShopId, shop.name],
    );
    // A fresh statement: it sees the row a concurrent registration committed while this waited.
    const [row]: Record<string, unknown>[] = inserted
      ? [inserted]
      : await manager.query(
          `SELECT * FROM shops WHERE platform = $1 AND lower(platform_shop_id) = lower($2)`,
          [shop.platform, shop.platformShopId],
        );
    return entityFromRow(manager, ShopEntity, row);
  }

  find(id: string): Promise<ShopEntity | null> {
    return this.dataSource.manager.findOneBy(ShopEntity, { id });
  }

  /** Newest first, `limit + 1` rows so the caller knows whether a next page exists. */
  list(filter: ShopFilter): Promise<ShopEntity[]> {
    const query = this.dataSource
      .getRepository(ShopEntity)
      .createQueryBuilder('shop')
      .orderBy('shop.createdAt', 'DESC')
      .addOrderBy('shop.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.platform) query.andWhere('shop.platform = :platform', filter);
    if (filter.platformShopId) {
      query.andWhere('lower(shop.platformShopId) = lower(:platformShopId)', filter);
    }
    if (filter.after) query.andWhere('(shop.createdAt, shop.id) < (:at, :id)', filter.after);
    return query.getMany();
  }

  membersOf(shopId: string): Promise<ShopMemberRow[]> {
    return this.dataSource.query(
      `SELECT id::text, display_name, email, status, created_at, shop_verified_at
       FROM users WHERE shop_id = $1 ORDER BY created_at, id`,
      [shopId],
    );
  }

  /** The shop's newest cases, filed by any of its accounts. */
  casesOf(shopId: string): Promise<ShopCaseRow[]> {
    return this.dataSource.query(
      `SELECT c.id::text, c.reference, c.type, c.status, c.outcome,
              c.likely_duplicate_of::text, c.created_at
       FROM cases c JOIN users u ON u.id = c.seller_id
       WHERE u.shop_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT ${SHOP_CASES_SHOWN}`,
      [shopId],
    );
  }

  async verify(manager: EntityManager, shopId: string, verification: Verification): Promise<void> {
    await manager.query(
      `UPDATE shops SET verified_at = now(), verified_by = $2, verification_method = $3,
         verification_note = $4 WHERE id = $1`,
      [shopId, verification.by, verification.method, verification.note],
    );
  }
}
