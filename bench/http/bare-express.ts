// The baseline: Express 5 doing the essential work of Bulwark's two benchmarked routes.
// Usage: PORT=… JWT_SECRET=… DATABASE_URL=… node -r ts-node/register/transpile-only bare-express.ts
import express from 'express';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';

const { PORT, JWT_SECRET, DATABASE_URL } = process.env;
if (!PORT || !JWT_SECRET || !DATABASE_URL)
  throw new Error('PORT, JWT_SECRET and DATABASE_URL are required');
const secret = JWT_SECRET;

const pool = new Pool({ connectionString: DATABASE_URL, max: 20 });

interface UserRow {
  id: string;
  email: string;
  role: string;
  display_name: string;
  status: string;
  shop_platform: string | null;
  shop_id: string | null;
  shop_name: string | null;
  created_at: Date;
}

const USER_OF_SESSION = `SELECT u.id, u.email, u.role, u.display_name, u.status, u.shop_platform,
       u.shop_id, u.shop_name, u.created_at
  FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL`;

function claimsOf(header: string | undefined): { sub: string; sid: string } | undefined {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  if (!token) return undefined;
  try {
    const claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
    return typeof claims === 'object' &&
      typeof claims.sub === 'string' &&
      typeof claims.sid === 'string'
      ? { sub: claims.sub, sid: claims.sid }
      : undefined;
  } catch {
    return undefined;
  }
}

const app = express();
app.disable('x-powered-by');

app.get('/health/live', (_request, response) => {
  response.json({ status: 'ok' });
});

app.get('/v1/me', async (request, response) => {
  const claims = claimsOf(request.headers.authorization);
  const user = claims
    ? (await pool.query<UserRow>(USER_OF_SESSION, [claims.sid, claims.sub])).rows[0]
    : undefined;
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

const server = app.listen(Number(PORT), '127.0.0.1');
const stop = () => {
  server.close();
  void pool.end();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
