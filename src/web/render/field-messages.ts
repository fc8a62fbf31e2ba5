import type { FieldError } from '../../common/problem/problem-details';
import type { Messages } from '../i18n/messages';

/**
 * The service's field errors in the reader's language: each field's own message from the
 * catalogue, or the service's words where the catalogue has none for that field.
 */
export function localiseFieldErrors(m: Messages, errors: FieldError[]): FieldError[] {
  const catalogue: Record<string, string> = m.fieldErrors;
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    if (seen.has(error.field)) return [];
    seen.add(error.field);
    return [{ field: error.field, message: catalogue[error.field] ?? error.message }];
  });
}
