import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../accounts/role';
import { ALLOWED_ROLES } from './access.decorators';
import { Caller, isApiKeyCaller } from './api-key-caller';

/** Global: refuses a signed-in person whose role the route's @Roles() does not list. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const caller = context.switchToHttp().getRequest<{ user?: Caller }>().user;
    // An API key got here through its scope, which the authentication guard already checked.
    if (caller && (isApiKeyCaller(caller) || roles.includes(caller.role))) return true;
    throw new ForbiddenException(`This needs the role ${roles.join(' or ')}.`);
  }
}
