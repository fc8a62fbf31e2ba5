import { createHmac, createSecretKey, KeyObject, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import { Pool } from 'pg';

// The baseline of the HTTP benchmark: the two benchmarked routes on a bare Express 5 app, with no
// framework, logging, validation or security headers. bench/http/run.ts starts it as a child
// process with PORT, DATABASE_URL and JWT_SECRET set.

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`bare-express: ${name} is required\n`);
    process.exit(1);
  }
  return value;
}

const port = Number(required('PORT'));
const key = createSecretKey(Buffer.from(required('JWT_SECRET'), 'utf8'));
const pool = new Pool({ connectionString: required('DATABASE_URL'), max: 10 });

/** The subject of a valid, unexpired HS256 JWT signed with key, or undefined. */
function verifiedSubject(token: string, secret: KeyObject): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
      alg?: unknown;
    };
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      sub?: unknown;
      exp?: unknown;
    };
    if (alg !== 'HS256' || typeof claims.sub !== 'string') return undefined;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return undefined;
    return claims.sub;
  } catch {
    return undefined;
  }
}

interface UserRow {
  id: string;
  email: string;
  role: string;
  status: string;
  display_name: string;
  shop_platform: string | null;
  shop_id: string | null;
  shop_name: string | null;
  created_at: Date;
}

const app = express();
app.disable('x-powered-by');

app.get('/health/live', (_request, response) => {
  response.json({ status: 'ok' });
});

app.get('/v1/me', async (request, response) => {
  const authorization = request.get('authorization') ?? '';
  const userId = authorization.startsWith('Bearer ')
    ? verifiedSubject(authorization.slice(7), key)
    : undefined;
  if (!userId) {
    response.status(401).json({ status: 401, title: 'Unauthorized' });
    return;
  }
  const { rows } = await pool.query<UserRow>(
    `SELECT id, email, role, status, display_name, shop_platform, shop_id, shop_name, created_at
       FROM users WHERE id = $1`,
    [userId],
  );
  const user = rows[0];
  if (!user || user.status !== 'active') {
    response.status(401).json({ status: 401, title: 'Unauthorized' });
    return;
  }
  response.json({
    id: user.id,
    email: user.email,
    role: user.role,
    displayName: user.display_name,
    status: user.status,
    shop:
      user.shop_platform && user.shop_id && user.shop_name
        ? { platform: user.shop_platform, shopId: user.shop_id, shopName: user.shop_name }
        : null,
    createdAt: user.created_at.toISOString(),
  });
});

async function main(): Promise<void> {
  await pool.query('SELECT 1');
  const server: Server = app.listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const stop = () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`bare-express: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
