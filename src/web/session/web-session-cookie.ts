import { macMatches, macOf } from './signed-value';

export const SESSION_COOKIE = 'bulwark_session';

const PURPOSE = 'web-session';

/** What the session cookie names: an API session (refresh-token family) and its user. */
export interface WebSessionClaims {
  userId: string;
  sessionId: string;
  /** Seconds since the epoch; the cookie is refused after it. */
  expiresAt: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function sealSession(key: Buffer, claims: WebSessionClaims): string {
  const value = `${claims.userId}.${claims.sessionId}.${claims.expiresAt}`;
  return `${value}.${macOf(key, PURPOSE, value)}`;
}

/**
 * The claims of a cookie this service sealed and that has not expired; undefined for anything
 * else. Whether the session is still open is for the caller to ask the database.
 */
export function openSession(
  key: Buffer,
  cookie: string | undefined,
  nowSeconds: number,
): WebSessionClaims | undefined {
  const parts = cookie?.split('.') ?? [];
  if (parts.length !== 4) return undefined;
  const [userId = '', sessionId = '', expires = '', mac = ''] = parts;
  if (!UUID.test(userId) || !UUID.test(sessionId) || !/^\d{1,12}$/.test(expires)) return undefined;
  if (!macMatches(key, PURPOSE, `${userId}.${sessionId}.${expires}`, mac)) return undefined;
  const expiresAt = Number(expires);
  return expiresAt > nowSeconds ? { userId, sessionId, expiresAt } : undefined;
}
