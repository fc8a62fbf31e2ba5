import { randomBytes } from 'node:crypto';
import { MAIN } from '../lib/build';
import { baseEnv, newJwtSecret, REDIS_URL, scratchUploadsDir } from '../lib/bulwark';
import { freePort, launch, Target } from '../lib/children';

// The built service as one process doing everything (BULWARK_ROLE=all: API, outbox relay and job
// worker), as bench/lib/bulwark.ts starts the api or worker role otherwise: production mode,
// request logs at info to /dev/null, a scratch UPLOADS_DIR. OCR is off unless asked for, the
// outbox is polled at Bulwark's default interval, and the first admin is created at start-up.

export interface Admin {
  email: string;
  password: string;
}

export function newAdmin(): Admin {
  return {
    email: `bench-admin-${randomBytes(4).toString('hex')}@example.com`,
    password: `Bench-Admin-Passphrase-${randomBytes(6).toString('hex')}`,
  };
}

export async function startService(settings: {
  databaseUrl: string;
  redisKeyPrefix: string;
  preferredPort: number;
  admin: Admin;
  ocr?: boolean;
}): Promise<Target> {
  const port = await freePort(settings.preferredPort);
  const ocr = settings.ocr ? 'true' : 'false';
  console.log(
    `Bulwark (node dist/src/main.js, BULWARK_ROLE=all, INTEL_OCR_ENABLED=${ocr}) on port ${port}`,
  );
  return launch(
    'Bulwark',
    [MAIN],
    {
      ...baseEnv(settings.databaseUrl, newJwtSecret()),
      BULWARK_ROLE: 'all',
      PORT: String(port),
      HOST: '127.0.0.1',
      MIGRATIONS_RUN: 'true',
      REDIS_URL,
      REDIS_KEY_PREFIX: settings.redisKeyPrefix,
      UPLOADS_DIR: scratchUploadsDir(),
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'false',
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000',
      LOGIN_MAX_FAILURES_PER_IP: '1000000',
      REGISTER_MAX_PER_IP: '1000000',
      INTEL_OCR_ENABLED: ocr,
      BULWARK_ADMIN_EMAIL: settings.admin.email,
      BULWARK_ADMIN_PASSWORD: settings.admin.password,
    },
    port,
  );
}

async function postJson(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const answer = await postJson(`${base}/v1/auth/login`, { email, password });
  if (answer.status !== 200 || typeof answer.body.accessToken !== 'string') {
    throw new Error(`POST /v1/auth/login answered ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body.accessToken;
}

/** A moderator created by the first admin through POST /v1/users; its access token. */
export async function moderatorToken(base: string, admin: Admin): Promise<string> {
  const adminToken = await signIn(base, admin.email, admin.password);
  const moderator = {
    email: `bench-moderator-${randomBytes(4).toString('hex')}@example.com`,
    password: `Bench-Moderator-Passphrase-${randomBytes(6).toString('hex')}`,
  };
  const created = await postJson(
    `${base}/v1/users`,
    { ...moderator, displayName: 'Bench Moderator', role: 'moderator' },
    adminToken,
  );
  if (created.status !== 201) {
    throw new Error(`POST /v1/users answered ${created.status} ${JSON.stringify(created.body)}`);
  }
  return signIn(base, moderator.email, moderator.password);
}
