import { createSecretKey, KeyObject } from 'node:crypto';
import type { Server } from 'node:http';
import type { Express, NextFunction, Request, Response } from 'express';
import { Pool } from 'pg';
import type { FieldError } from '../../src/common/problem/problem-details';

// What the bare Express baselines (bench/http/bare-express.ts, bench/cases/bare-express.ts) share
// besides authentication: their settings, problem answers, and starting and stopping. They run as
// child processes of a benchmark (bench/lib/baseline.ts), in the project root, with PORT,
// DATABASE_URL and JWT_SECRET set.

export interface BareSettings {
  port: number;
  /** The HS256 key, as a KeyObject like Bulwark's (bench/lib/bare-auth.ts). */
  jwtKey: KeyObject;
  /** pg, pool of 10. */
  pool: Pool;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`bare-express: ${name} is required\n`);
    process.exit(1);
  }
  return value;
}

export function bareSettings(): BareSettings {
  return {
    port: Number(required('PORT')),
    jwtKey: createSecretKey(Buffer.from(required('JWT_SECRET'), 'utf8')),
    pool: new Pool({ connectionString: required('DATABASE_URL'), max: 10 }),
  };
}

/** An application/problem+json answer: the status, a detail and the field errors, if any. */
export function problem(
  response: Response,
  status: number,
  detail: string,
  errors: FieldError[] = [],
): void {
  response
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        status,
        detail,
        errors: errors.map(({ field, message }) => ({ field, message })),
      }),
    );
}

/** The last middleware: Express 5 passes a rejected handler's error here. */
export function problemOnError(
  error: Error & { status?: number },
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (response.headersSent) return next(error);
  if (error.status && error.status < 500) return problem(response, error.status, error.message);
  process.stderr.write(`bare-express: ${error.stack ?? String(error)}\n`);
  problem(response, 500, 'Internal server error');
}

/**
 * Checks the database, serves `app` on 127.0.0.1:port and closes both on SIGTERM or SIGINT. A
 * failed start is written to stderr (which the benchmark shows) and exits with status 1.
 */
export function serve(app: Express, { port, pool }: BareSettings): void {
  const main = async () => {
    await pool.query('SELECT 1');
    const server: Server = app.listen(port, '127.0.0.1');
    await new Promise<void>((done, reject) => {
      server.once('listening', done);
      server.once('error', reject);
    });
    const stop = () => {
      server.close();
      void pool.end().finally(() => process.exit(0));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  };
  main().catch((error: unknown) => {
    process.stderr.write(`bare-express: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  });
}
