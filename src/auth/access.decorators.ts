import { SetMetadata } from '@nestjs/common';
import type { ApiKeyScope } from '../accounts/api-key-scope';
import type { Role } from '../accounts/role';

export const IS_PUBLIC = Symbol('IS_PUBLIC');
export const ALLOWED_ROLES = Symbol('ALLOWED_ROLES');
export const API_KEY_ACCESS = Symbol('API_KEY_ACCESS');

/** Which API keys a route lets in: those holding `scope`, or any active key when it is null. */
export interface ApiKeyAccess {
  scope: ApiKeyScope | null;
}

/** Opens a route to callers without credentials; every other route needs a signed-in user. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Limits a route to these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Lets integrations call the route with an X-API-Key as well as people with a Bearer token. */
export const AllowApiKey = (scope: ApiKeyScope | null) =>
  SetMetadata(API_KEY_ACCESS, { scope } satisfies ApiKeyAccess);
