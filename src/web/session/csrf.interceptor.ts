import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { csrfTokenMatches, CSRF_FIELD, VISITOR_COOKIE } from './csrf-token';
import type { WebRequest } from './web-context';
import { CsrfRejected } from './web-errors';
import { WEB_KEY } from './web-key';
import { parse as parseCookies } from 'cookie';

/**
 * Refuses a form without the token of the reader's session (or visitor cookie), then takes the
 * token out of the body so the form reads like the API's. It runs after the body is read: for a
 * multipart form, list it after the files interceptor.
 */
@Injectable()
export class CsrfInterceptor implements NestInterceptor {
  constructor(@Inject(WEB_KEY) private readonly key: Buffer) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<WebRequest>();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const binding =
      request.user?.sessionId ?? parseCookies(request.headers.cookie ?? '')[VISITOR_COOKIE];
    if (!binding || !csrfTokenMatches(this.key, binding, body[CSRF_FIELD])) {
      throw new CsrfRejected();
    }
    delete body[CSRF_FIELD];
    return next.handle();
  }
}
