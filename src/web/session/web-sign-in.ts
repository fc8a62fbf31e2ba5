import type { Response } from 'express';
import type { OpenedSession } from '../../auth/auth.service';
import type { AppConfig } from '../../config/app-config';
import { setWebCookie } from './web-cookies';
import { sealSession, SESSION_COOKIE } from './web-session-cookie';

/** Gives the browser the cookie of a session just opened; it lasts as long as a refresh token. */
export function setSessionCookie(
  response: Response,
  config: AppConfig,
  key: Buffer,
  session: OpenedSession,
  now: Date,
): void {
  const lifetime = config.auth.refreshTokenTtlSeconds;
  const expiresAt = Math.floor(now.getTime() / 1000) + lifetime;
  setWebCookie(
    response,
    config,
    SESSION_COOKIE,
    sealSession(key, { ...session, expiresAt }),
    lifetime,
  );
}

/** A local path to go back to, never another site (`//evil.example` or `/\evil.example`). */
export function localPathOr(candidate: unknown, fallback: string): string {
  return typeof candidate === 'string' && /^\/(?![/\\])/.test(candidate) && candidate.length < 2000
    ? candidate
    : fallback;
}
