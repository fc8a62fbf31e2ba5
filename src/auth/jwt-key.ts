import { createSecretKey, KeyObject } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/**
 * The HS256 key as a KeyObject. Given a string, jsonwebtoken first tries to parse it as a public
 * key on every verify, and that failed parse cost a quarter of the CPU of an authenticated request.
 */
export function jwtKeyOf(config: AppConfig): KeyObject {
  return createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8'));
}
