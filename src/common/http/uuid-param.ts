import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationProblem } from '../problem/problem.exception';

/** A UUID path parameter; anything else is 400 naming the parameter. */
export const UuidParam = (name = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () => new ValidationProblem([{ field: name, message: 'must be a UUID' }]),
  });
