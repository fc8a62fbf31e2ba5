import { Transform } from 'class-transformer';
import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Control characters, and the bidirectional controls that make "gpj.exe" read as "exe.jpg" or
 * a name read as someone else's.
 */
export const HIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Trims a name and folds it with NFKC, so that full-width look-alikes of ASCII ("Ａｄｍｉｎ")
 * become the letters they imitate; other types are left for the type check to refuse.
 */
export const NormalizeName = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.normalize('NFKC').trim() : value,
  );

/** Refuses text holding control or text-direction characters. */
export function HasNoHiddenCharacters(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'hasNoHiddenCharacters',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} contains control or text-direction characters`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !new RegExp(HIDDEN_CHARACTERS.source).test(value),
      },
    });
}
