import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '../accounts/role';
import type { UserEntity } from '../accounts/user.entity';

/** Who is calling: set on the request by the JWT strategy after it checked user and session. */
export interface AuthUser {
  id: string;
  role: Role;
  sessionId: string;
  /** The account as it was read for this request. */
  user: UserEntity;
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
