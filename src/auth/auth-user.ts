import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '../accounts/role';

/** Who is calling: set on the request by the JWT strategy after it checked user and session. */
export interface AuthUser {
  id: string;
  role: Role;
  sessionId: string;
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
