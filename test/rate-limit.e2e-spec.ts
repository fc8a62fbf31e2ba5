import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PasswordHasher } from '../src/accounts/password-hasher';
import { registerSeller, sellerSignUp } from './factories/accounts';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';
import { TEST_REDIS_PREFIX } from './setup/test-env';

/** Counters of this test's own, whatever else runs against the same Redis. */
const ownPrefix = () => `${TEST_REDIS_PREFIX}-limits-${randomUUID().slice(0, 8)}`;

describe('sign-in rate limits', () => {
  let t: TestApp;

  afterEach(() => t?.app.close());

  it('locks an account after its failures, even for the right password, with Retry-After', async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
    const seller = await registerSeller(t);
    for (let i = 0; i < 3; i += 1) {
      expectProblem(
        await request(t.http)
          .post('/v1/auth/login')
          .send({ email: seller.email, password: 'Wrong-Password-00' }),
        401,
      );
    }
    const locked = await request(t.http)
      .post('/v1/auth/login')
      .send({ email: seller.email, password: seller.password });
    expectProblem(locked, 429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const other = await registerSeller(t);
    await request(t.http)
      .post('/v1/auth/login')
      .send({ email: other.email, password: other.password })
      .expect(200);
  });

  it('limits failures from one IP across accounts', async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_IP: '4', REDIS_KEY_PREFIX: ownPrefix() });
    for (let i = 0; i < 4; i += 1) {
      await request(t.http)
        .post('/v1/auth/login')
        .send({ email: `guess-${i}@example.com`, password: 'Wrong-Password-00' })
        .expect(401);
    }
    const blocked = await request(t.http)
      .post('/v1/auth/login')
      .send({ email: 'guess-9@example.com', password: 'Wrong-Password-00' });
    expectProblem(blocked, 429);
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('verifies no more passwords than the limit when thirty wrong ones arrive at once', async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '10' });
    const seller = await registerSeller(t);
    const verify = jest.spyOn(t.app.get(PasswordHasher), 'verify');
    const attempts = await Promise.all(
      Array.from({ length: 30 }, () =>
        request(t.http)
          .post('/v1/auth/login')
          .send({ email: seller.email, password: 'Wrong-Password-00' }),
      ),
    );
    const statuses = attempts.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    expect(verify).toHaveBeenCalledTimes(10);
  });

  it('gives a successful sign-in its attempt back', async () => {
    t = await startTestApp({
      LOGIN_MAX_FAILURES_PER_IP: '3',
      REDIS_KEY_PREFIX: ownPrefix(),
    });
    const seller = await registerSeller(t);
    for (let i = 0; i < 5; i += 1) {
      await request(t.http)
        .post('/v1/auth/login')
        .send({ email: seller.email, password: seller.password })
        .expect(200);
    }
  });
});

describe('sign-up rate limits', () => {
  let t: TestApp;

  afterEach(() => t?.app.close());

  it('limits sign-ups per IP, the refused ones counted, so emails cannot be probed at speed', async () => {
    t = await startTestApp({ REGISTER_MAX_PER_IP: '3', REDIS_KEY_PREFIX: ownPrefix() });
    const taken = sellerSignUp();
    await request(t.http).post('/v1/auth/register').send(taken).expect(201);
    for (let i = 0; i < 2; i += 1) {
      expectProblem(await request(t.http).post('/v1/auth/register').send(taken), 409);
    }
    const fresh = sellerSignUp();
    const blocked = await request(t.http).post('/v1/auth/register').send(fresh);
    expectProblem(blocked, 429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [
      fresh.email,
    ]);
    expect(n).toBe(0);
  });

  it('takes no more sign-ups than the limit when twenty arrive at once', async () => {
    t = await startTestApp({ REGISTER_MAX_PER_IP: '5', REDIS_KEY_PREFIX: ownPrefix() });
    const hash = jest.spyOn(t.app.get(PasswordHasher), 'hash');
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(t.http).post('/v1/auth/register').send(sellerSignUp()),
      ),
    );
    const statuses = attempts.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    expect(hash).toHaveBeenCalledTimes(5);
  });
});
