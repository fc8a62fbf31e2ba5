import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException } from '../../common/problem/problem.exception';
import { sendPage } from '../render/send-page';
import { contextOf } from '../session/web-context';
import { CsrfRejected, SignInRequired } from '../session/web-errors';
import { ErrorPage } from './error.page';
import { errorMessageFor, EXPLAINED_STATUSES } from './error-message';

/** Errors of web pages as HTML pages in the reader's language, never problem+json. */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof SignInRequired) {
      response.redirect(303, `/signin?next=${encodeURIComponent(request.originalUrl)}`);
      return;
    }
    const ctx = contextOf(request);
    if (!ctx) {
      // The reader could not even be found (the database is down): no page can be drawn.
      this.logger.error(exception);
      response.status(503).type('text/plain; charset=utf-8').send('Service unavailable');
      return;
    }
    if (exception instanceof CsrfRejected) {
      sendPage(request, response, 403, ErrorPage({ ctx, status: 403, message: ctx.m.errors.csrf }));
      return;
    }
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (status >= 500) this.logger.error(exception);
    const detail =
      exception instanceof ProblemException && EXPLAINED_STATUSES.includes(status)
        ? exception.message
        : undefined;
    const message = errorMessageFor(ctx.m, status);
    if (exception instanceof ProblemException) {
      for (const [name, value] of Object.entries(exception.headers))
        response.setHeader(name, value);
    }
    sendPage(request, response, status, ErrorPage({ ctx, status, message, detail }));
  }
}
