import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { freePort, launch, removeOnExit, Target } from './children';
import { MAIN } from './build';

export const REDIS_URL = 'redis://127.0.0.1:6379';

/** A random 64-hex-character JWT_SECRET, shared by both targets of a run. */
export function newJwtSecret(): string {
  return randomBytes(32).toString('hex');
}

export interface TargetSettings {
  /** Taken when it is free on 127.0.0.1, otherwise any free port. */
  preferredPort: number;
  databaseUrl: string;
  jwtSecret: string;
  /** Node options placed before the script, e.g. to profile it. */
  nodeArgs?: string[];
  /** Added to the line that announces the target, e.g. "--cpu-prof". */
  note?: string;
}

export interface BulwarkSettings extends TargetSettings {
  redisKeyPrefix: string;
  /** BULWARK_ROLE; api unless given. A worker listens on no port: its `base` answers nothing. */
  role?: 'api' | 'worker';
  /** UPLOADS_DIR, for an API and a worker that share one; a fresh scratch directory unless given. */
  uploadsDir?: string;
  /** Added to the environment last, to try a setting such as JOB_CONCURRENCY. */
  env?: NodeJS.ProcessEnv;
}

/** The environment every target of a benchmark gets: production mode, the secret, the database. */
export function baseEnv(databaseUrl: string, jwtSecret: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    DATABASE_URL: databaseUrl,
  };
}

/** A scratch UPLOADS_DIR, removed when the benchmark exits. */
export function scratchUploadsDir(): string {
  const uploadsDir = mkdtempSync(join(os.tmpdir(), 'bulwark-bench-uploads-'));
  removeOnExit(uploadsDir);
  return uploadsDir;
}

/**
 * The built API as production runs it (api role, request logs at info to stdout, which goes to
 * /dev/null), on 127.0.0.1 with a scratch UPLOADS_DIR; tokens live a day and the sign-in limiter
 * cannot interfere. With `role: 'worker'`, the job worker and outbox relay in the same setting.
 */
export async function startBulwark(settings: BulwarkSettings): Promise<Target> {
  const role = settings.role ?? 'api';
  const port = await freePort(settings.preferredPort);
  const uploadsDir = settings.uploadsDir ?? scratchUploadsDir();
  const note = settings.note ? `, ${settings.note}` : '';
  console.log(
    role === 'api'
      ? `Bulwark (node dist/src/main.js, BULWARK_ROLE=api${note}) on port ${port}`
      : `Bulwark (node dist/src/main.js, BULWARK_ROLE=${role}${note})`,
  );
  return launch(
    role === 'api' ? 'Bulwark' : `Bulwark ${role}`,
    [...(settings.nodeArgs ?? []), MAIN],
    {
      ...baseEnv(settings.databaseUrl, settings.jwtSecret),
      BULWARK_ROLE: role,
      PORT: String(port),
      HOST: '127.0.0.1',
      MIGRATIONS_RUN: 'true',
      REDIS_URL,
      REDIS_KEY_PREFIX: settings.redisKeyPrefix,
      UPLOADS_DIR: uploadsDir,
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'false',
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000',
      LOGIN_MAX_FAILURES_PER_IP: '1000000',
      REGISTER_MAX_PER_IP: '1000000',
      LOGIN_WINDOW_SECONDS: '1',
      ...settings.env,
    },
    port,
  );
}

export interface Seller {
  accessToken: string;
  userId: string;
}

/** Registers a new seller through the API and returns its access token. */
export async function registerSeller(base: string): Promise<Seller> {
  const response = await fetch(`${base}/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${randomUUID()}@example.com`,
      password: `Bench-Passphrase-${randomBytes(6).toString('hex')}`,
      displayName: 'Bench Seller',
      shop: { platform: 'other', shopId: `bench-${randomUUID()}`, shopName: 'Bench Shop' },
    }),
  });
  const body = (await response.json()) as { accessToken?: string; user?: { id?: string } };
  if (response.status !== 201 || !body.accessToken || !body.user?.id) {
    throw new Error(`POST /v1/auth/register answered ${response.status} ${JSON.stringify(body)}`);
  }
  return { accessToken: body.accessToken, userId: body.user.id };
}
