import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ApiKeyScope } from '../accounts/api-key-scope';
import type { AuthUser } from './auth-user';

/** An integration calling with X-API-Key; it reaches only routes that accept one of its scopes. */
export interface ApiKeyCaller {
  apiKeyId: string;
  name: string;
  scopes: ApiKeyScope[];
}

/** Who is calling a route that people and integrations share. */
export type Caller = AuthUser | ApiKeyCaller;

export function isApiKeyCaller(caller: Caller): caller is ApiKeyCaller {
  return 'apiKeyId' in caller;
}

export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller =>
    context.switchToHttp().getRequest<{ user: Caller }>().user,
);
