import type { Messages } from '../i18n/messages';

/** The reader's words for an error status. */
export function errorMessageFor(m: Messages, status: number): string {
  const messages: Record<number, string> = {
    403: m.errors.forbidden,
    404: m.errors.notFound,
    409: m.errors.conflict,
    413: m.errors.tooLarge,
    415: m.errors.unsupported,
    429: m.errors.tooMany,
  };
  return messages[status] ?? (status >= 500 ? m.errors.server : m.errors.generic);
}

/** Statuses whose detail from the service helps the reader act; others say nothing more. */
export const EXPLAINED_STATUSES = [400, 409, 413, 415, 422];
