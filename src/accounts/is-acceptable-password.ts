import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { passwordProblems } from './password-policy';

/** class-validator check for a new password; compares with a sibling `email` when present. */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string') return false;
          const email = (args.object as { email?: unknown }).email;
          return (
            passwordProblems(value, typeof email === 'string' ? email : undefined).length === 0
          );
        },
        defaultMessage(args: ValidationArguments) {
          if (typeof args.value !== 'string') return 'must be a string';
          const email = (args.object as { email?: unknown }).email;
          return passwordProblems(args.value, typeof email === 'string' ? email : undefined).join(
            '; ',
          );
        },
      },
    });
}
