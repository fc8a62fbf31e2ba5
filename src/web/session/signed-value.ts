import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of `purpose` and `value`, base64url: one key serves several uses that never mix. */
export function macOf(key: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', key).update(`${purpose}\0${value}`).digest('base64url');
}

export function macMatches(key: Buffer, purpose: string, value: string, mac: string): boolean {
  const expected = Buffer.from(macOf(key, purpose, value));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
