import { HttpException } from '@nestjs/common';
import { FieldError } from './problem-details';

/**
 * An HTTP error that carries what problem+json adds to a plain status: the field errors and
 * headers such as Retry-After. Services throw it (or a plain Nest HttpException).
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    detail: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, status);
  }
}

export class ValidationProblem extends ProblemException {
  constructor(errors: FieldError[], detail = 'The request has invalid fields; see errors.') {
    super(400, detail, errors);
  }
}

export class RateLimitedProblem extends ProblemException {
  constructor(retryAfterSeconds: number, detail: string) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(429, detail, [], { 'Retry-After': String(seconds) });
  }
}
