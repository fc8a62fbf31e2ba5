import { UserView } from './user.dto';
import { UserEntity } from './user.entity';

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    displayName: user.displayName,
    status: user.status,
    shop:
      user.shopPlatform && user.shopId && user.shopName
        ? { platform: user.shopPlatform, shopId: user.shopId, shopName: user.shopName }
        : null,
    createdAt: user.createdAt.toISOString(),
  };
}
