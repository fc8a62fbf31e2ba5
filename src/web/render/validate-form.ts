import type { Type } from '@nestjs/common';
import type { FieldError } from '../../common/problem/problem-details';
import { ProblemException } from '../../common/problem/problem.exception';
import { StrictValidationPipe } from '../../common/validation/validation.pipe';

const pipe = new StrictValidationPipe();

export type FormValidation<T> = { ok: true; dto: T } | { ok: false; errors: FieldError[] };

/** Runs the API's validation of `dto` on a form's values, returning its field errors. */
export async function validateForm<T>(dto: Type<T>, body: unknown): Promise<FormValidation<T>> {
  try {
    return { ok: true, dto: (await pipe.transform(body, { type: 'body', metatype: dto })) as T };
  } catch (error) {
    if (error instanceof ProblemException) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** The text fields of a form as sent, to show them again; files and arrays are left out. */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}
