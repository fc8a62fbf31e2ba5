import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersRepository } from '../accounts/users.repository';
import type { AuthUser } from '../auth/auth-user';
import { PLATFORM, requireAccess } from '../auth/access-policy';
import { toPage } from '../common/pagination/cursor';
import { requireCursor } from '../common/pagination/page-cursor';
import { OutboxEvent } from '../jobs/job-names';
import { OutboxService } from '../jobs/outbox.service';
import type { ShopListQueryDto, VerifyShopDto } from './shop.dto';
import type { ShopPageView, ShopView } from './shop.view';
import { toShopCaseView, toShopMemberView, toShopSummaryView } from './shop-views';
import { ShopsRepository } from './shops.repository';

/** What moderators see of shops, and their verification. */
@Injectable()
export class ShopsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shops: ShopsRepository,
    private readonly users: UsersRepository,
    private readonly outbox: OutboxService,
  ) {}

  async list(caller: AuthUser, query: ShopListQueryDto): Promise<ShopPageView> {
    requireAccess(caller, 'shop.read', PLATFORM);
    const rows = await this.shops.list({
      platform: query.platform,
      platformShopId: query.shopId,
      after: requireCursor(query.cursor),
      limit: query.limit,
    });
    return toPage(
      rows,
      query.limit,
      (shop) => ({ at: shop.createdAt, id: shop.id }),
      toShopSummaryView,
    );
  }

  async get(caller: AuthUser, id: string): Promise<ShopView> {
    requireAccess(caller, 'shop.read', PLATFORM);
    const shop = await this.shops.find(id);
    if (!shop) throw new NotFoundException('No such shop.');
    const [members, cases] = await Promise.all([this.shops.membersOf(id), this.shops.casesOf(id)]);
    return {
      ...toShopSummaryView(shop),
      members: members.map(toShopMemberView),
      cases: cases.map(toShopCaseView),
    };
  }

  /** Verifies the shop and its accounts of now; its offenders recount their verified victims. */
  async verify(caller: AuthUser, id: string, dto: VerifyShopDto): Promise<ShopView> {
    requireAccess(caller, 'shop.verify', PLATFORM);
    await this.dataSource.transaction(async (manager) => {
      const [shop]: unknown[] = await manager.query(
        'SELECT 1 FROM shops WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!shop) throw new NotFoundException('No such shop.');
      await this.shops.verify(manager, id, { by: caller.id, method: dto.method, note: dto.note });
      await this.users.verifyShopMembers(manager, id);
      await this.outbox.publish(manager, OutboxEvent.ShopVerified, { shopId: id });
    });
    return this.get(caller, id);
  }
}
