import type { Request } from 'express';
import type { AuthUser } from '../../auth/auth-user';
import type { Locale } from '../i18n/locale';
import type { Messages } from '../i18n/messages';

/** What every page needs to know about its reader, found once per request. */
export interface WebContext {
  locale: Locale;
  m: Messages;
  /** The signed-in person, after the same session checks as a Bearer token. */
  user?: AuthUser;
  csrfToken: string;
  /** The path and query the page was asked for, to come back to after signing in. */
  path: string;
  /** The versioned address of the script. */
  assets: { js: string };
  /** The UTC offset times are shown in. */
  utcOffset: string;
}

export type WebRequest = Request & { web: WebContext; user?: AuthUser };

export const contextOf = (request: Request): WebContext => (request as WebRequest).web;
