import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { Response } from 'express';
import type { Role } from '../../accounts/role';
import { SessionsRepository } from '../../accounts/sessions.repository';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { chooseLocale, LOCALE_COOKIE } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { WebAssets } from '../render/web-assets.service';
import { setWebCookie } from './web-cookies';
import { csrfTokenFor, VISITOR_COOKIE } from './csrf-token';
import { WEB_ROLES } from './web-access.decorator';
import type { WebRequest } from './web-context';
import { SignInRequired } from './web-errors';
import { WEB_KEY } from './web-key';
import { openSession, SESSION_COOKIE } from './web-session-cookie';

/**
 * Finds the reader of a web page: language, signed-in person (the session must still be open and
 * the account active, checked on every request as for a Bearer token) and the CSRF token of
 * their forms. Then applies the page's roles.
 */
@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsRepository,
    @Inject(WEB_KEY) private readonly key: Buffer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly assets: WebAssets,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WebRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const cookies = parseCookies(request.headers.cookie ?? '');
    const locale = chooseLocale(cookies[LOCALE_COOKIE], request.headers['accept-language']);
    const user = await this.signedIn(cookies[SESSION_COOKIE]);
    const binding = user ? user.sessionId : this.visitorOf(cookies[VISITOR_COOKIE], response);
    if (user) request.user = user;
    request.web = {
      locale,
      m: messagesFor(locale),
      user,
      csrfToken: csrfTokenFor(this.key, binding),
      path: request.originalUrl,
      assets: { js: this.assets.urlOf('bulwark.js') },
      utcOffset: this.config.cases.localUtcOffset,
    };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(WEB_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    if (!user) throw new SignInRequired();
    if (!roles.includes(user.role)) throw new ForbiddenException();
    return true;
  }

  /** The visitor's random id, given a new one when the cookie is missing or not ours. */
  private visitorOf(cookie: string | undefined, response: Response): string {
    if (cookie && /^[A-Za-z0-9_-]{22}$/.test(cookie)) return cookie;
    const visitor = randomBytes(16).toString('base64url');
    setWebCookie(response, this.config, VISITOR_COOKIE, visitor);
    return visitor;
  }

  private async signedIn(cookie: string | undefined): Promise<AuthUser | undefined> {
    const claims = openSession(this.key, cookie, Math.floor(this.clock.now().getTime() / 1000));
    if (!claims) return undefined;
    const principal = await this.sessions.findPrincipal(claims.userId, claims.sessionId);
    if (!principal || principal.sessionRevoked || principal.user.status !== 'active') {
      return undefined;
    }
    const { user } = principal;
    return { id: user.id, role: user.role, sessionId: claims.sessionId, user };
  }
}
