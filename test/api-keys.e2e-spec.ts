import request from 'supertest';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { expectProblem, fieldsOf } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

describe('API keys for integrations', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInAdmin(t);
  });
  afterAll(() => t.app.close());

  const createKey = async (body: Record<string, unknown> = {}) =>
    request(t.http)
      .post('/v1/api-keys')
      .set(bearer(admin))
      .send({ name: 'Back office', scopes: ['cases:read'], ...body })
      .expect(201);

  it('shows the key once on creation and never in the list', async () => {
    const created = await createKey({ name: '  Seller tool  ' });
    expect(created.body).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        name: 'Seller tool',
        scopes: ['cases:read'],
        key: expect.stringMatching(/^bwk_[A-Za-z0-9_-]{43}$/),
        revokedAt: null,
      }),
    );
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);

    const list = await request(t.http).get('/v1/api-keys?limit=200').set(bearer(admin)).expect(200);
    const listed = list.body.items.find((item: { id: string }) => item.id === created.body.id);
    expect(listed).toEqual(
      expect.objectContaining({ name: 'Seller tool', prefix: created.body.prefix }),
    );
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
  });

  it('lets a key describe itself and records when it was last used', async () => {
    const { body: key } = await createKey();
    const current = await request(t.http)
      .get('/v1/api-keys/current')
      .set('X-API-Key', key.key)
      .expect(200);
    expect(current.body).toEqual({ id: key.id, name: 'Back office', scopes: ['cases:read'] });
    const [row] = await t.db.query('SELECT last_used_at FROM api_keys WHERE id = $1', [key.id]);
    expect(row.last_used_at).toBeInstanceOf(Date);
  });

  it('stops a revoked key at once, and revoking again changes nothing', async () => {
    const { body: key } = await createKey();
    await request(t.http).delete(`/v1/api-keys/${key.id}`).set(bearer(admin)).expect(204);
    expectProblem(await request(t.http).get('/v1/api-keys/current').set('X-API-Key', key.key), 401);
    await request(t.http).delete(`/v1/api-keys/${key.id}`).set(bearer(admin)).expect(204);
    const [row] = await t.db.query('SELECT revoked_at FROM api_keys WHERE id = $1', [key.id]);
    expect(row.revoked_at).toBeInstanceOf(Date);
  });

  it('refuses an unknown key with 401', async () => {
    expectProblem(
      await request(t.http).get('/v1/api-keys/current').set('X-API-Key', 'bwk_not-a-real-key'),
      401,
    );
  });

  it('keeps keys off routes that are for people', async () => {
    const { body: key } = await createKey();
    for (const path of ['/v1/me', '/v1/api-keys', '/v1/users']) {
      expectProblem(await request(t.http).get(path).set('X-API-Key', key.key), 403);
    }
  });

  it('answers a person on the key self-description route with 403', async () => {
    expectProblem(await request(t.http).get('/v1/api-keys/current').set(bearer(admin)), 403);
  });

  it.each([
    [{ name: '', scopes: ['cases:read'] }, 400, ['name']],
    [{ name: 'x', scopes: [] }, 400, ['scopes']],
    [{ name: 'x', scopes: ['cases:write'] }, 400, ['scopes']],
    [{ name: 'x', scopes: 'cases:read' }, 400, ['scopes']],
    [{ name: 'x', scopes: ['cases:read', 'cases:read'] }, 400, ['scopes']],
    [{ name: 'x'.repeat(101), scopes: ['cases:read'] }, 422, ['name']],
    [{ name: 'x', scopes: ['cases:read'], admin: true }, 400, ['admin']],
  ])('refuses %j with %d naming %j and stores nothing', async (body, status, fields) => {
    const [{ count: before }] = await t.db.query('SELECT count(*)::int AS count FROM api_keys');
    const problem = expectProblem(
      await request(t.http).post('/v1/api-keys').set(bearer(admin)).send(body),
      status,
    );
    expect([...new Set(fieldsOf(problem))]).toEqual(fields);
    const [{ count: after }] = await t.db.query('SELECT count(*)::int AS count FROM api_keys');
    expect(after).toBe(before);
  });

  it('answers 404 for revoking a key that does not exist and 400 for a malformed id', async () => {
    expectProblem(
      await request(t.http)
        .delete('/v1/api-keys/00000000-0000-4000-8000-000000000000')
        .set(bearer(admin)),
      404,
    );
    expectProblem(await request(t.http).delete('/v1/api-keys/nope').set(bearer(admin)), 400);
  });

  it.each(['seller', 'moderator', 'nobody'])('refuses key management to a %s', async (who) => {
    const caller: Record<string, string> =
      who === 'seller'
        ? bearer(await registerSeller(t))
        : who === 'moderator'
          ? bearer(await signedInStaff(t, admin, 'moderator'))
          : {};
    const status = who === 'nobody' ? 401 : 403;
    const { body: key } = await createKey();
    expectProblem(
      await request(t.http)
        .post('/v1/api-keys')
        .set(caller)
        .send({ name: 'x', scopes: ['cases:read'] }),
      status,
    );
    expectProblem(await request(t.http).get('/v1/api-keys').set(caller), status);
    expectProblem(await request(t.http).delete(`/v1/api-keys/${key.id}`).set(caller), status);
    const [row] = await t.db.query('SELECT revoked_at FROM api_keys WHERE id = $1', [key.id]);
    expect(row.revoked_at).toBeNull();
  });
});
