import { createHash, randomBytes } from 'node:crypto';

/** A new refresh token: 256 random bits, sent once, stored only as its SHA-256. */
export function newRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
