import { ValidationError } from 'class-validator';
import { FieldError } from '../problem/problem-details';

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** Flattens class-validator's tree into `reported[0].identifiers[1].value`-style field errors. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = childPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message:
        constraint === 'whitelistValidation'
          ? 'is not a known field'
          : message.startsWith(`${error.property} `)
            ? message.slice(error.property.length + 1)
            : message,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Constraints that cap a well-formed value: breaking only these makes input unacceptable, not malformed. */
const LIMIT_CONSTRAINTS = new Set(['maxLength', 'arrayMaxSize', 'max']);

export function onlyOverLimits(errors: ValidationError[]): boolean {
  const constraints = (list: ValidationError[]): string[] =>
    list.flatMap((error) => [
      ...Object.keys(error.constraints ?? {}),
      ...constraints(error.children ?? []),
    ]);
  const all = constraints(errors);
  return all.length > 0 && all.every((constraint) => LIMIT_CONSTRAINTS.has(constraint));
}
