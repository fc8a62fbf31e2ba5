import type { Express, Request } from 'express';
import { ifNoneMatchMatches } from './if-none-match';

/**
 * res.send() answers 304 when `req.fresh`, which Express's `fresh` package makes false for every
 * request carrying `Cache-Control: no-cache`, as Node's fetch does. That directive tells caches to
 * revalidate; the origin server still answers a matching If-None-Match with 304 (RFC 9110
 * §13.1.2). Judging freshness here fixes it once for every response res.send() makes, with a
 * route's own ETag or Express's. Bulwark sends no Last-Modified, so If-Modified-Since plays no part.
 */
export function answerNotModifiedPerRfc9110(app: Express): void {
  Object.defineProperty(app.request, 'fresh', {
    configurable: true,
    get(this: Request): boolean {
      const status = this.res?.statusCode ?? 0;
      const ifNoneMatch = this.headers['if-none-match'];
      return (
        (this.method === 'GET' || this.method === 'HEAD') &&
        ((status >= 200 && status < 300) || status === 304) &&
        ifNoneMatch !== undefined &&
        ifNoneMatchMatches(ifNoneMatch, this.res?.get('ETag'))
      );
    },
  });
}
