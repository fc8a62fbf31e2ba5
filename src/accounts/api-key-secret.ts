import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'bwk_';
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 8;

export interface NewApiKey {
  key: string;
  prefix: string;
  hash: Buffer;
}

/**
 * 256 random bits behind a recognisable `bwk_` prefix (so secret scanners and people can tell
 * what leaked). The key has full entropy, so a fast hash is enough to store it.
 */
export function newApiKey(): NewApiKey {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}
