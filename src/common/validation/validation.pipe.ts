import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { ProblemException, ValidationProblem } from '../problem/problem.exception';
import { onlyOverLimits, toFieldErrors } from './field-errors';
import { unstorableText } from './storable-text';

/**
 * Validates every DTO: unknown fields rejected, no implicit type coercion, field-level errors.
 * Well-formed input that only breaks a documented limit is 422, anything malformed 400.
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) =>
        onlyOverLimits(errors)
          ? new ProblemException(
              422,
              'Some fields are over their limits; see errors.',
              toFieldErrors(errors),
            )
          : new ValidationProblem(toFieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const expectsObject = metadata.type === 'body' || metadata.type === 'query';
    if (expectsObject && metadata.metatype && this.toValidate(metadata)) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new ValidationProblem([], `The request ${metadata.type} must be a JSON object.`);
      }
    }
    const unstorable = unstorableText(value, metadata.type === 'param' ? metadata.data : '');
    if (unstorable.length > 0) throw new ValidationProblem(unstorable);
    return super.transform(value, metadata);
  }
}
