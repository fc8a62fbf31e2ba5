import request from 'supertest';
import {
  bearer,
  GOOD_PASSWORD,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

describe('admin management of users', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInAdmin(t);
  });
  afterAll(() => t.app.close());

  const newStaff = (role: string) => ({
    email: `staff-${Math.random().toString(36).slice(2)}@example.com`,
    password: GOOD_PASSWORD,
    displayName: 'Staff',
    role,
  });

  it('lets an admin create a moderator who can then sign in', async () => {
    const body = newStaff('moderator');
    const created = await request(t.http)
      .post('/v1/users')
      .set(bearer(admin))
      .send(body)
      .expect(201);
    expect(created.body).toEqual(
      expect.objectContaining({ role: 'moderator', shop: null, status: 'active' }),
    );
    await request(t.http)
      .post('/v1/auth/login')
      .send({ email: body.email, password: body.password })
      .expect(200);
  });

  it('refuses a seller role through /v1/users', async () => {
    expectProblem(
      await request(t.http).post('/v1/users').set(bearer(admin)).send(newStaff('seller')),
      400,
    );
  });

  it.each(['seller', 'moderator', 'nobody'])(
    'refuses every /v1/users route to a %s',
    async (who) => {
      const caller =
        who === 'seller'
          ? await registerSeller(t)
          : who === 'moderator'
            ? await signedInStaff(t, admin, 'moderator')
            : undefined;
      const headers = caller ? bearer(caller) : {};
      const status = caller ? 403 : 401;
      expectProblem(
        await request(t.http).post('/v1/users').set(headers).send(newStaff('moderator')),
        status,
      );
      expectProblem(await request(t.http).get('/v1/users').set(headers), status);
      expectProblem(await request(t.http).get(`/v1/users/${admin.id}`).set(headers), status);
      expectProblem(
        await request(t.http)
          .patch(`/v1/users/${admin.id}`)
          .set(headers)
          .send({ status: 'disabled' }),
        status,
      );
      await request(t.http).get('/v1/me').set(bearer(admin)).expect(200);
    },
  );

  it('disabling a user ends their tokens at once and blocks sign-in; enabling restores it', async () => {
    const seller = await registerSeller(t);
    await request(t.http).get('/v1/me').set(bearer(seller)).expect(200);

    await request(t.http)
      .patch(`/v1/users/${seller.id}`)
      .set(bearer(admin))
      .send({ status: 'disabled' })
      .expect(200);
    expectProblem(await request(t.http).get('/v1/me').set(bearer(seller)), 401);
    expectProblem(
      await request(t.http).post('/v1/auth/refresh').send({ refreshToken: seller.refreshToken }),
      401,
    );
    const login = await request(t.http)
      .post('/v1/auth/login')
      .send({ email: seller.email, password: seller.password });
    expect(expectProblem(login, 401).detail).toBe('Invalid email or password.');

    await request(t.http)
      .patch(`/v1/users/${seller.id}`)
      .set(bearer(admin))
      .send({ status: 'active' })
      .expect(200);
    await request(t.http)
      .post('/v1/auth/login')
      .send({ email: seller.email, password: seller.password })
      .expect(200);
  });

  it('keeps an admin from disabling or demoting themselves', async () => {
    expectProblem(
      await request(t.http)
        .patch(`/v1/users/${admin.id}`)
        .set(bearer(admin))
        .send({ status: 'disabled' }),
      409,
    );
    expectProblem(
      await request(t.http)
        .patch(`/v1/users/${admin.id}`)
        .set(bearer(admin))
        .send({ role: 'moderator' }),
      409,
    );
    await request(t.http).get('/v1/me').set(bearer(admin)).expect(200);
  });

  it('promotes a moderator to admin but never a seller', async () => {
    const moderator = await signedInStaff(t, admin, 'moderator');
    const promoted = await request(t.http)
      .patch(`/v1/users/${moderator.id}`)
      .set(bearer(admin))
      .send({ role: 'admin' });
    expect(promoted.body.role).toBe('admin');
    await request(t.http).get('/v1/users').set(bearer(moderator)).expect(200);
    const seller = await registerSeller(t);
    expectProblem(
      await request(t.http)
        .patch(`/v1/users/${seller.id}`)
        .set(bearer(admin))
        .send({ role: 'admin' }),
      422,
    );
  });

  it('answers 404 for an unknown id, 400 for a malformed one or an unknown field', async () => {
    expectProblem(
      await request(t.http)
        .get('/v1/users/00000000-0000-4000-8000-000000000000')
        .set(bearer(admin)),
      404,
    );
    expectProblem(await request(t.http).get('/v1/users/not-a-uuid').set(bearer(admin)), 400);
    expectProblem(
      await request(t.http)
        .patch(`/v1/users/${admin.id}`)
        .set(bearer(admin))
        .send({ email: 'x@y.z' }),
      400,
    );
  });

  it('lists users newest first with a working cursor', async () => {
    for (let i = 0; i < 3; i += 1) await registerSeller(t);
    const first = await request(t.http)
      .get('/v1/users?role=seller&limit=2')
      .set(bearer(admin))
      .expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await request(t.http)
      .get(`/v1/users?role=seller&limit=2&cursor=${first.body.nextCursor}`)
      .set(bearer(admin))
      .expect(200);
    const ids = [...first.body.items, ...second.body.items].map((user: { id: string }) => user.id);
    expect(new Set(ids).size).toBe(ids.length);
    expectProblem(await request(t.http).get('/v1/users?cursor=garbage').set(bearer(admin)), 400);
    expectProblem(await request(t.http).get('/v1/users?limit=500').set(bearer(admin)), 422);
  });
});
