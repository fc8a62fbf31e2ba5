import type { NestExpressApplication } from '@nestjs/platform-express';
import { isUtf8 } from 'node:buffer';
import { json, urlencoded, type NextFunction, type Request, type Response } from 'express';
import { requestIdOf } from '../../logging/logger-options';
import { ProblemException, ValidationProblem } from '../problem/problem.exception';
import { unstorableText } from '../validation/storable-text';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';

/**
 * What every request passes before Nest's own middleware, in this order: its request id (so a
 * body that cannot be parsed is answered with one too), the body parsers, refusing JSON nested
 * past MAX_JSON_DEPTH before anything recurses into it and bodies that are not UTF-8, and refusing text the database cannot
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
        refuseInvalidUtf8(body);
        if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
          throw new ProblemException(
            400,
            `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels of objects and arrays.`,
          );
        }
      },
    }),
  );
  app.use(
    urlencoded({
      extended: true,
      verify: (_request: Request, _response: Response, body: Buffer) => refuseInvalidUtf8(body),
    }),
  );
  app.use((request: Request, _response: Response, next: NextFunction) => {
    const unstorable = [...unstorableText(request.body), ...unstorableText(request.query)];
    next(unstorable.length > 0 ? new ValidationProblem(unstorable) : undefined);
  });
}

/** The parsers would turn bytes that are not UTF-8 into U+FFFD, silently changing the text. */
function refuseInvalidUtf8(body: Buffer): void {
  if (!isUtf8(body)) throw new ProblemException(400, 'The request body is not valid UTF-8.');
}
