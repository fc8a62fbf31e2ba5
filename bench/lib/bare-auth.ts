import { createHmac, KeyObject, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { UserEntity } from '../../src/accounts/user.entity';
import { BareSettings, problem } from './bare-server';

// Bearer authentication for the bare Express baselines, written directly: what passport-jwt and
// JwtStrategy.validate do for Bulwark, without passport. HS256 is checked with node:crypto HMAC,
// then one query joins the session to its user, so that signing out and disabling a user take
// effect at once, as in Bulwark.

interface Claims {
  sub: string;
  sid: string;
}

/** The claims of a valid, unexpired HS256 JWT signed with `key`, or undefined. */
function verifiedClaims(token: string, key: KeyObject): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts;
  const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
      alg?: unknown;
    };
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      sub?: unknown;
      sid?: unknown;
      exp?: unknown;
    };
    if (alg !== 'HS256' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      return undefined;
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return undefined;
    return { sub: claims.sub, sid: claims.sid };
  } catch {
    return undefined;
  }
}

/**
 * The user of the request's Bearer token, with an active session, or undefined once a 401 has been
 * answered. The query reads the columns Bulwark's SessionsRepository.findPrincipal reads.
 */
export async function authenticate(
  request: Request,
  response: Response,
  { jwtKey, pool }: BareSettings,
): Promise<UserEntity | undefined> {
  const authorization = request.get('authorization') ?? '';
  const claims = authorization.startsWith('Bearer ')
    ? verifiedClaims(authorization.slice(7), jwtKey)
    : undefined;
  if (!claims) {
    problem(response, 401, 'The access token is not valid.');
    return undefined;
  }
  const { rows } = await pool.query<UserEntity & { sessionRevoked: boolean }>(
    `SELECT u.id, u.email, u.password_hash AS "passwordHash", u.role,
            u.display_name AS "displayName", u.status, u.shop_id AS "shopId",
            u.shop_verified_at AS "shopVerifiedAt", u.created_at AS "createdAt",
            u.updated_at AS "updatedAt", s.revoked_at IS NOT NULL AS "sessionRevoked"
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND u.id = $2`,
    [claims.sid, claims.sub],
  );
  const [row] = rows;
  if (!row || row.sessionRevoked || row.status !== 'active') {
    problem(response, 401, 'The session has ended; sign in again.');
    return undefined;
  }
  return row;
}
