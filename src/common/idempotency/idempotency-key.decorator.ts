import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ValidationProblem } from '../problem/problem.exception';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The request's Idempotency-Key, or undefined when it sent none. The draft standard sends it as a
 * structured-field string ("..."); a bare token is accepted too.
 */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    const raw = context.switchToHttp().getRequest<Request>().headers['idempotency-key'];
    if (raw === undefined) return undefined;
    const unquoted = typeof raw === 'string' ? raw.trim().replace(/^"(.*)"$/, '$1') : '';
    if (!KEY.test(unquoted)) {
      throw new ValidationProblem([
        { field: IDEMPOTENCY_HEADER, message: 'must be 1 to 255 visible ASCII characters' },
      ]);
    }
    return unquoted;
  },
);
