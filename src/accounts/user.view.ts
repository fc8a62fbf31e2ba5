import { UserView } from './user.dto';
import { UserEntity } from './user.entity';

export function toUserView(user: UserEntity): UserView {
  const shop = user.shop;
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    displayName: user.displayName,
    status: user.status,
    shop: shop
      ? {
          id: shop.id,
          platform: shop.platform,
          shopId: shop.platformShopId,
          shopName: shop.name,
          verified: user.shopVerifiedAt !== null,
        }
      : null,
    createdAt: user.createdAt.toISOString(),
  };
}
