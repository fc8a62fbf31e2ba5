import request from 'supertest';
import { bearer, GOOD_PASSWORD, registerSeller, sellerSignUp } from './factories/accounts';
import { expectProblem, fieldsOf } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

describe('accounts and auth', () => {
  let t: TestApp;
  const userCount = async () => Number((await t.db.query('SELECT count(*) FROM users'))[0].count);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.app.close());

  describe('sign-up', () => {
    it('creates a seller with the shop and returns tokens', async () => {
      const body = sellerSignUp({ email: '  Mixed.Case@Example.COM ' });
      const response = await request(t.http).post('/v1/auth/register').send(body).expect(201);
      expect(response.body.user).toEqual(
        expect.objectContaining({
          email: 'mixed.case@example.com',
          role: 'seller',
          displayName: 'Li Na',
          shop: {
            id: expect.any(String),
            platform: 'taobao',
            shopId: (body.shop as { shopId: string }).shopId,
            shopName: 'Happy Cards Store',
            verified: false,
          },
        }),
      );
      expect(response.body).toEqual(
        expect.objectContaining({
          accessToken: expect.any(String),
          refreshToken: expect.any(String),
          expiresIn: 900,
        }),
      );
      expect(JSON.stringify(response.body)).not.toContain('passwordHash');
    });

    it.each([
      ['a bad email', { email: 'not-an-email' }, 'email'],
      ['a short password', { password: 'Short-1' }, 'password'],
      ['a common password', { password: 'password123' }, 'password'],
      [
        'the email as password',
        { email: 'same-as@example.com', password: 'same-as@example.com' },
        'password',
      ],
      ['a wrong type', { displayName: 42 }, 'displayName'],
      [
        'an unknown platform',
        { shop: { platform: 'myspace', shopId: '1', shopName: 'x' } },
        'shop.platform',
      ],
      ['an unknown field', { isAdmin: true }, 'isAdmin'],
      [
        'an unknown nested field',
        { shop: { platform: 'jd', shopId: '1', shopName: 'x', vip: 1 } },
        'shop.vip',
      ],
      ['a missing shop', { shop: undefined }, 'shop'],
    ])(
      'refuses %s with 400 naming the field and stores nothing',
      async (_case, overrides, field) => {
        const before = await userCount();
        const response = await request(t.http)
          .post('/v1/auth/register')
          .send(sellerSignUp(overrides));
        const problem = expectProblem(response, 400);
        expect(problem.type).toBe('urn:bulwark:problem:validation');
        expect(fieldsOf(problem)).toContain(field);
        expect(await userCount()).toBe(before);
      },
    );

    it('refuses an over-long display name with 422 naming the field and stores nothing', async () => {
      const before = await userCount();
      const problem = expectProblem(
        await request(t.http)
          .post('/v1/auth/register')
          .send(sellerSignUp({ displayName: 'x'.repeat(81) })),
        422,
      );
      expect(fieldsOf(problem)).toEqual(['displayName']);
      expect(await userCount()).toBe(before);
    });

    it('refuses malformed JSON and a non-object body with 400', async () => {
      const malformed = await request(t.http)
        .post('/v1/auth/register')
        .set('Content-Type', 'application/json')
        .send('{"email": ');
      expect(expectProblem(malformed, 400).detail).toMatch(/JSON/);
      expectProblem(await request(t.http).post('/v1/auth/register').send([1, 2]), 400);
    });

    it('refuses a taken email, whatever its case, with 409', async () => {
      const seller = await registerSeller(t);
      const before = await userCount();
      const again = await request(t.http)
        .post('/v1/auth/register')
        .send(sellerSignUp({ email: seller.email.toUpperCase() }));
      expectProblem(again, 409);
      expect(await userCount()).toBe(before);
    });
  });

  describe('sign-in', () => {
    it('signs in and GET /v1/me shows the account', async () => {
      const seller = await registerSeller(t);
      const login = await request(t.http)
        .post('/v1/auth/login')
        .send({ email: seller.email, password: GOOD_PASSWORD })
        .expect(200);
      expect(login.body).toEqual(
        expect.objectContaining({
          tokenType: 'Bearer',
          expiresIn: 900,
          refreshToken: expect.any(String),
        }),
      );
      const me = await request(t.http).get('/v1/me').set(bearer(login.body)).expect(200);
      expect(me.body).toEqual(
        expect.objectContaining({
          id: seller.id,
          email: seller.email,
          role: 'seller',
          displayName: 'Li Na',
        }),
      );
    });

    it('answers a wrong password and an unknown email the same way', async () => {
      const seller = await registerSeller(t);
      const wrongPassword = await request(t.http)
        .post('/v1/auth/login')
        .send({ email: seller.email, password: 'Not-The-Password-99' });
      const unknownEmail = await request(t.http)
        .post('/v1/auth/login')
        .send({ email: 'nobody-here@example.com', password: 'Not-The-Password-99' });
      expectProblem(wrongPassword, 401);
      expectProblem(unknownEmail, 401);
      const comparable = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
      expect(comparable(wrongPassword.body)).toEqual(comparable(unknownEmail.body));
      expect(Object.keys(wrongPassword.headers).sort()).toEqual(
        Object.keys(unknownEmail.headers).sort(),
      );
    });

    it('validates the sign-in body before checking credentials', async () => {
      const response = await request(t.http)
        .post('/v1/auth/login')
        .send({ email: 'a@example.com', extra: 1 });
      expect(fieldsOf(expectProblem(response, 400))).toEqual(
        expect.arrayContaining(['password', 'extra']),
      );
    });

    it('refuses requests without a valid access token', async () => {
      expectProblem(await request(t.http).get('/v1/me'), 401);
      expectProblem(
        await request(t.http).get('/v1/me').set('Authorization', 'Bearer not.a.jwt'),
        401,
      );
    });
  });

  describe('refresh tokens', () => {
    it('rotates: the new pair works and the old refresh token stops working', async () => {
      const seller = await registerSeller(t);
      const first = await request(t.http)
        .post('/v1/auth/refresh')
        .send({ refreshToken: seller.refreshToken })
        .expect(200);
      expect(first.body.refreshToken).not.toBe(seller.refreshToken);
      await request(t.http).get('/v1/me').set(bearer(first.body)).expect(200);
      const second = await request(t.http)
        .post('/v1/auth/refresh')
        .send({ refreshToken: first.body.refreshToken });
      expect(second.status).toBe(200);
    });

    it('revokes the whole family when a spent refresh token comes back', async () => {
      const seller = await registerSeller(t);
      const rotated = await request(t.http)
        .post('/v1/auth/refresh')
        .send({ refreshToken: seller.refreshToken })
        .expect(200);

      const replay = await request(t.http)
        .post('/v1/auth/refresh')
        .send({ refreshToken: seller.refreshToken });
      expectProblem(replay, 401);

      // The legitimate holder of the newest token is signed out too: the family is gone.
      expectProblem(
        await request(t.http)
          .post('/v1/auth/refresh')
          .send({ refreshToken: rotated.body.refreshToken }),
        401,
      );
      expectProblem(await request(t.http).get('/v1/me').set(bearer(rotated.body)), 401);
      const [session] = await t.db.query(`SELECT revoked_reason FROM sessions WHERE user_id = $1`, [
        seller.id,
      ]);
      expect(session.revoked_reason).toBe('reuse');
    });

    it('refuses an unknown refresh token and a missing one', async () => {
      expectProblem(
        await request(t.http).post('/v1/auth/refresh').send({ refreshToken: 'made-up' }),
        401,
      );
      const missing = await request(t.http).post('/v1/auth/refresh').send({});
      expect(fieldsOf(expectProblem(missing, 400))).toContain('refreshToken');
    });
  });

  describe('logout', () => {
    it('ends the session: its refresh and access tokens stop working, other sessions stay', async () => {
      const seller = await registerSeller(t);
      const other = await request(t.http)
        .post('/v1/auth/login')
        .send({ email: seller.email, password: GOOD_PASSWORD })
        .expect(200);
      await request(t.http).post('/v1/auth/logout').set(bearer(seller)).expect(204);
      expectProblem(await request(t.http).get('/v1/me').set(bearer(seller)), 401);
      expectProblem(
        await request(t.http).post('/v1/auth/refresh').send({ refreshToken: seller.refreshToken }),
        401,
      );
      await request(t.http).get('/v1/me').set(bearer(other.body)).expect(200);
    });

    it('needs a signed-in user', async () => {
      expectProblem(await request(t.http).post('/v1/auth/logout'), 401);
    });
  });
});
