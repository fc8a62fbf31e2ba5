import { randomBytes, randomUUID } from 'node:crypto';
import { csrfTokenFor, csrfTokenMatches } from './csrf-token';
import { openSession, sealSession } from './web-session-cookie';

describe('web session cookie', () => {
  const key = randomBytes(32);
  const claims = { userId: randomUUID(), sessionId: randomUUID(), expiresAt: 2_000_000_000 };

  it('opens what it sealed until it expires', () => {
    const cookie = sealSession(key, claims);
    expect(openSession(key, cookie, 1_999_999_999)).toEqual(claims);
    expect(openSession(key, cookie, 2_000_000_000)).toBeUndefined();
  });

  it('refuses a cookie sealed with another key, tampered with or malformed', () => {
    const cookie = sealSession(key, claims);
    expect(openSession(randomBytes(32), cookie, 0)).toBeUndefined();
    const [userId, sessionId, , mac] = cookie.split('.');
    expect(openSession(key, `${userId}.${sessionId}.2100000000.${mac}`, 0)).toBeUndefined();
    expect(openSession(key, `${randomUUID()}.${sessionId}.2000000000.${mac}`, 0)).toBeUndefined();
    for (const bad of [undefined, '', 'a.b.c.d', `${cookie}.x`, cookie.slice(0, -1)]) {
      expect(openSession(key, bad, 0)).toBeUndefined();
    }
  });
});

describe('CSRF token', () => {
  const key = randomBytes(32);

  it('matches only the binding and key it was made for', () => {
    const token = csrfTokenFor(key, 'session-a');
    expect(csrfTokenMatches(key, 'session-a', token)).toBe(true);
    expect(csrfTokenMatches(key, 'session-b', token)).toBe(false);
    expect(csrfTokenMatches(randomBytes(32), 'session-a', token)).toBe(false);
    expect(csrfTokenMatches(key, 'session-a', undefined)).toBe(false);
    expect(csrfTokenMatches(key, 'session-a', '')).toBe(false);
    expect(csrfTokenMatches(key, 'session-a', [token])).toBe(false);
  });
});
