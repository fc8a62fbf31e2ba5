import { ValidationError } from 'class-validator';
import { toFieldErrors } from './field-errors';

const error = (
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
) => Object.assign(new ValidationError(), { property, constraints, children });

describe('toFieldErrors', () => {
  it('names nested and indexed fields the way clients address them', () => {
    const tree = [
      error('email', { isEmail: 'email must be an email' }),
      error('reported', undefined, [
        error('0', undefined, [
          error('identifiers', undefined, [
            error('1', undefined, [error('value', { isString: 'value must be a string' })]),
          ]),
        ]),
      ]),
      error('isAdmin', { whitelistValidation: 'property isAdmin should not exist' }),
    ];
    expect(toFieldErrors(tree)).toEqual([
      { field: 'email', message: 'must be an email' },
      { field: 'reported[0].identifiers[1].value', message: 'must be a string' },
      { field: 'isAdmin', message: 'is not a known field' },
    ]);
  });
});
