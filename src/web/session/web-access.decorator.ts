import { applyDecorators, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import type { Role } from '../../accounts/role';
import { Public } from '../../auth/access.decorators';
import { WebErrorFilter } from '../errors/web-error.filter';
import { WebSessionGuard } from './web-session.guard';

export const WEB_ROLES = Symbol('WEB_ROLES');

/**
 * A web page: signed in by cookie instead of a Bearer token, errors as HTML in the reader's
 * language. With roles, a visitor who is not signed in is sent to sign in first.
 */
export const WebPages = (...roles: Role[]) =>
  applyDecorators(
    Public(),
    SetMetadata(WEB_ROLES, roles),
    UseGuards(WebSessionGuard),
    UseFilters(WebErrorFilter),
  );
