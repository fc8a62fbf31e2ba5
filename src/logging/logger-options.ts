import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Keeps a caller's X-Request-Id when it is sane, otherwise makes one; always echoes it back. A
 * request that already has its id (given before the body parsers ran) keeps it.
 */
export function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const assigned = (request as IncomingMessage & { id?: unknown }).id;
  if (typeof assigned === 'string') return assigned;
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: requestIdOf,
      base: { role: config.role },
      autoLogging: { ignore: (request) => request.url === '/health/live' },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  };
}
