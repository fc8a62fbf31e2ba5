import { SetMetadata } from '@nestjs/common';
import type { Role } from '../accounts/role';

export const IS_PUBLIC = Symbol('IS_PUBLIC');
export const ALLOWED_ROLES = Symbol('ALLOWED_ROLES');

/** Opens a route to callers without credentials; every other route needs a signed-in user. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Limits a route to these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);
