import type { Response } from 'express';
import type { AppConfig } from '../../config/app-config';

/**
 * Sets a cookie of the web pages: never readable by scripts, not sent on cross-site POSTs,
 * Secure when the service is reached over https. Without maxAge it ends with the browser.
 */
export function setWebCookie(
  response: Response,
  config: AppConfig,
  name: string,
  value: string,
  maxAgeSeconds?: number,
): void {
  response.cookie(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.web.secureCookies,
    path: '/',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds * 1000 }),
  });
}

export function clearWebCookie(response: Response, config: AppConfig, name: string): void {
  response.clearCookie(name, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.web.secureCookies,
    path: '/',
  });
}
