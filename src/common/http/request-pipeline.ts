import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, urlencoded, type NextFunction, type Request, type Response } from 'express';
import { requestIdOf } from '../../logging/logger-options';
import { ProblemException, ValidationProblem } from '../problem/problem.exception';
import { unstorableText } from '../validation/storable-text';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';

/**
 * What every request passes before Nest's own middleware, in this order: its request id (so a
 * body that cannot be parsed is answered with one too), the body parsers, refusing JSON nested
 * past MAX_JSON_DEPTH before anything recurses into it, and refusing text the database cannot
 * store before a guard or a service sees it.
 */
export function installRequestPipeline(app: NestExpressApplication): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    request.id = requestIdOf(request, response);
    next();
  });
  // Registered here, Nest finds its parsers (by name) in place and adds none of its own.
  app.use(
    json({
      verify: (_request: Request, _response: Response, body: Buffer) => {
        if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
          throw new ProblemException(
            400,
            `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels of objects and arrays.`,
          );
        }
      },
    }),
  );
  app.use(urlencoded({ extended: true }));
  app.use((request: Request, _response: Response, next: NextFunction) => {
    const unstorable = [...unstorableText(request.body), ...unstorableText(request.query)];
    next(unstorable.length > 0 ? new ValidationProblem(unstorable) : undefined);
  });
}
