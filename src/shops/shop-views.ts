import type { ShopEntity } from './shop.entity';
import type { ShopCaseView, ShopMemberView, ShopSummaryView } from './shop.view';
import type { ShopCaseRow, ShopMemberRow } from './shops.repository';

export function toShopSummaryView(shop: ShopEntity): ShopSummaryView {
  return {
    id: shop.id,
    platform: shop.platform,
    shopId: shop.platformShopId,
    shopName: shop.name,
    verification: {
      verified: shop.verifiedAt !== null,
      method: shop.verificationMethod,
      note: shop.verificationNote,
      verifiedAt: shop.verifiedAt?.toISOString() ?? null,
      verifiedBy: shop.verifiedBy,
    },
    createdAt: shop.createdAt.toISOString(),
  };
}

export function toShopMemberView(row: ShopMemberRow): ShopMemberView {
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    status: row.status,
    joinedAt: row.created_at.toISOString(),
    verified: row.shop_verified_at !== null,
  };
}

export function toShopCaseView(row: ShopCaseRow): ShopCaseView {
  return {
    id: row.id,
    reference: row.reference,
    type: row.type,
    status: row.status,
    outcome: row.outcome,
    likelyDuplicateOf: row.likely_duplicate_of,
    createdAt: row.created_at.toISOString(),
  };
}
