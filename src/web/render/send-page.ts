import type { Request, Response } from 'express';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { pageStylesheet } from './page-stylesheet';

/**
 * Scripts only from this service, no style but the page's own stylesheet (by its hash), never
 * framed: a page that an attacker got text into still runs and restyles nothing of theirs.
 */
function pageCsp(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${pageStylesheet().cspSource}`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Brotli or gzip when the browser takes it: the filing page must load fast on a slow phone. */
function encode(request: Request, html: string): { body: Buffer; encoding?: string } {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const raw = Buffer.from(html, 'utf8');
  if (/\bbr\b/.test(accepted)) {
    const body = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    return { body, encoding: 'br' };
  }
  if (/\bgzip\b/.test(accepted)) return { body: gzipSync(raw), encoding: 'gzip' };
  return { body: raw };
}

/** Sends a whole HTML page: personal, so never cached, and varying with cookie and language. */
export function sendPage(request: Request, response: Response, status: number, page: VNode): void {
  const { body, encoding } = encode(request, `<!doctype html>${renderToString(page)}`);
  response.status(status);
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Content-Security-Policy', pageCsp());
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Vary', 'Cookie, Accept-Language, Accept-Encoding');
  if (encoding) response.setHeader('Content-Encoding', encoding);
  response.end(body);
}
