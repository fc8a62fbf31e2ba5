import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { API_KEY_ACCESS, ApiKeyAccess, IS_PUBLIC } from './access.decorators';
import { ApiKeyCaller } from './api-key-caller';
import { ApiKeyAuthGuard } from './api-key-auth.guard';
import { BearerAuthGuard } from './bearer-auth.guard';

/**
 * Global: every route needs a signed-in person unless it is @Public(). A caller that sends
 * X-API-Key is an integration: it gets in only where @AllowApiKey() lets a key of its scope in.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthGuard,
    private readonly apiKey: ApiKeyAuthGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: ApiKeyCaller }>();
    if (request.headers['x-api-key'] === undefined) {
      return (await this.bearer.canActivate(context)) as boolean;
    }
    const access = this.reflector.getAllAndOverride<ApiKeyAccess | undefined>(
      API_KEY_ACCESS,
      targets,
    );
    if (!access) {
      throw new ForbiddenException('API keys cannot use this route; it is for signed-in people.');
    }
    await this.apiKey.canActivate(context);
    if (access.scope && !request.user?.scopes.includes(access.scope)) {
      throw new ForbiddenException(`This needs an API key with the scope ${access.scope}.`);
    }
    return true;
  }
}
