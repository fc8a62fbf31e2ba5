import { Inject, Injectable } from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { PageErrors } from '../../common/problem/page-errors';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { chooseLocale, LOCALE_COOKIE } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { sendPage } from '../render/send-page';
import { WebAssets } from '../render/web-assets.service';
import { ErrorPage } from './error.page';
import { errorMessageFor, EXPLAINED_STATUSES } from './error-message';

/** Addresses that are not pages: the API, its documents, operations and the queue board. */
const NOT_PAGES = /^\/(v1|health|metrics|docs|openapi|admin\/queues)(\/|$)/;

/**
 * Errors raised before a page's own filter could run, such as a form body the parsers refused,
 * drawn as the error page for a reader who is not known yet.
 */
@Injectable()
export class WebPageErrors implements PageErrors {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly assets: WebAssets,
  ) {}

  isPageRequest(request: Request): boolean {
    return !NOT_PAGES.test(request.path);
  }

  send(request: Request, response: Response, status: number, detail: string): void {
    const cookies = parseCookies(request.headers.cookie ?? '');
    const locale = chooseLocale(cookies[LOCALE_COOKIE], request.headers['accept-language']);
    const ctx = {
      locale,
      m: messagesFor(locale),
      csrfToken: '',
      path: request.originalUrl,
      assets: { js: this.assets.urlOf('bulwark.js') },
      utcOffset: this.config.cases.localUtcOffset,
    };
    const message = errorMessageFor(ctx.m, status);
    const explained = EXPLAINED_STATUSES.includes(status) ? detail : undefined;
    sendPage(request, response, status, ErrorPage({ ctx, status, message, detail: explained }));
  }
}
