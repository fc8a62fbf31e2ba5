import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { UsersService } from '../../src/accounts/users.service';
import { TestApp } from '../helpers/test-app';

export const GOOD_PASSWORD = 'Lantern-Meadow-Crisp-73';

/** A new seller of a shop of their own, unless `overrides` names one. */
export function sellerSignUp(overrides: Record<string, unknown> = {}) {
  return {
    email: `seller-${randomUUID()}@example.com`,
    password: GOOD_PASSWORD,
    displayName: 'Li Na',
    shop: { platform: 'taobao', shopId: freshShopId(), shopName: 'Happy Cards Store' },
    ...overrides,
  };
}

/** A shop id no other test registered: victims are counted by shop. */
export function freshShopId(): string {
  return String(Math.floor(10 ** 11 + Math.random() * 9 * 10 ** 11));
}

export interface SignedIn {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

export async function registerSeller(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<SignedIn> {
  const body = sellerSignUp(overrides);
  const response = await request(t.http).post('/v1/auth/register').send(body).expect(201);
  return {
    id: response.body.user.id,
    email: body.email,
    password: body.password,
    accessToken: response.body.accessToken,
    refreshToken: response.body.refreshToken,
  };
}

export async function signIn(t: TestApp, email: string, password: string): Promise<SignedIn> {
  const response = await request(t.http)
    .post('/v1/auth/login')
    .send({ email, password })
    .expect(200);
  const me = await request(t.http)
    .get('/v1/me')
    .set('Authorization', `Bearer ${response.body.accessToken}`)
    .expect(200);
  return { id: me.body.id, email, password, ...response.body };
}

/** An admin made the way an operator makes the first one (the start-up/CLI path), signed in. */
export async function signedInAdmin(t: TestApp): Promise<SignedIn> {
  const email = `admin-${randomUUID()}@example.com`;
  await t.app.get(UsersService).ensureAdmin(email, GOOD_PASSWORD, 'Admin');
  return signIn(t, email, GOOD_PASSWORD);
}

export async function signedInStaff(
  t: TestApp,
  admin: SignedIn,
  role: 'moderator' | 'admin',
): Promise<SignedIn> {
  const email = `${role}-${randomUUID()}@example.com`;
  await request(t.http)
    .post('/v1/users')
    .set('Authorization', `Bearer ${admin.accessToken}`)
    .send({ email, password: GOOD_PASSWORD, displayName: role, role })
    .expect(201);
  return signIn(t, email, GOOD_PASSWORD);
}

export const bearer = (who: { accessToken: string }) => ({
  Authorization: `Bearer ${who.accessToken}`,
});
