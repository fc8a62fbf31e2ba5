import { macMatches, macOf } from './signed-value';

/** The hidden field every state-changing form carries. */
export const CSRF_FIELD = '_csrf';

/** Identifies a visitor who is not signed in, so their forms (sign in, sign up) get a token too. */
export const VISITOR_COOKIE = 'bulwark_visitor';

const PURPOSE = 'csrf';

/**
 * A form's token, bound to the signed-in session or else to the visitor cookie: a page on
 * another site can read neither, so it cannot forge the token.
 */
export const csrfTokenFor = (key: Buffer, binding: string): string => macOf(key, PURPOSE, binding);

export function csrfTokenMatches(key: Buffer, binding: string, token: unknown): boolean {
  return typeof token === 'string' && token.length > 0 && macMatches(key, PURPOSE, binding, token);
}
