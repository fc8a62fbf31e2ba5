import type { FieldError } from '../problem/problem-details';

/** UTF-16 halves without their other half, which no UTF-8 text can hold. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** NUL, which PostgreSQL cannot store in text or jsonb, or a lone surrogate. */
function isUnstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** Every string in `value`, keys included, that the database cannot store, by its field path. */
export function unstorableText(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') {
    return isUnstorable(value) ? [{ field: path || 'body', message: unstorableMessage() }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => unstorableText(item, `${path}[${index}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const field = path ? `${path}.${key}` : key;
      return isUnstorable(key)
        ? [{ field, message: unstorableMessage() }]
        : unstorableText(item, field);
    });
  }
  return [];
}

function unstorableMessage(): string {
  return 'contains a NUL character or a broken UTF-16 surrogate, which cannot be stored';
}
