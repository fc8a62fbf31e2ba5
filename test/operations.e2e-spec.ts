import request from 'supertest';
import {
  bearer,
  GOOD_PASSWORD,
  registerSeller,
  signedInAdmin,
  signedInStaff,
} from './factories/accounts';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

describe('operations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.app.close());

  it('answers liveness and readiness with the state of PostgreSQL and Redis', async () => {
    expect((await request(t.http).get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    expect((await request(t.http).get('/health/ready').expect(200)).body).toEqual({
      status: 'ok',
      checks: { database: 'up', redis: 'up' },
    });
  });

  it('gives every response an X-Request-Id, keeping a sane one from the caller', async () => {
    const generated = await request(t.http).get('/health/live');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(t.http).get('/health/live').set('X-Request-Id', 'trace-123');
    expect(kept.headers['x-request-id']).toBe('trace-123');
    const replaced = await request(t.http)
      .get('/health/live')
      .set('X-Request-Id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).not.toBe('bad id <script>');
  });

  it('renders unknown routes as problem+json carrying the request id', async () => {
    const response = await request(t.http).get('/v1/no-such-thing').set('X-Request-Id', 'req-42');
    const problem = expectProblem(response, 404) as unknown as Record<string, unknown>;
    expect(problem).toEqual(
      expect.objectContaining({ instance: '/v1/no-such-thing', requestId: 'req-42' }),
    );
  });

  it('sends security headers', async () => {
    const response = await request(t.http).get('/health/live');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('exposes Prometheus metrics: HTTP latency by route, queue depths, outbox lag', async () => {
    await request(t.http).get('/health/live');
    const response = await request(t.http).get('/metrics').expect(200);
    expect(response.text).toMatch(
      /http_request_duration_seconds_bucket\{[^}]*route="\/health\/live"/,
    );
    expect(response.text).toMatch(/bulwark_queue_jobs\{queue="accounts",state="waiting"\}/);
    expect(response.text).toContain('bulwark_outbox_lag_seconds');
  });

  it('serves the interactive API reference and the OpenAPI document', async () => {
    const page = await request(t.http).get('/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger');
    const document = await request(t.http).get('/docs/openapi.json').expect(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/auth/register',
        '/v1/auth/login',
        '/v1/me',
        '/v1/users/{id}',
        '/health/ready',
      ]),
    );
  });

  it('opens the queue dashboard to admins only', async () => {
    const anonymous = await request(t.http).get('/admin/queues');
    expectProblem(anonymous, 401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic/);
    const seller = await registerSeller(t);
    expectProblem(await request(t.http).get('/admin/queues').set(bearer(seller)), 403);
    const admin = await signedInAdmin(t);
    const moderator = await signedInStaff(t, admin, 'moderator');
    expectProblem(await request(t.http).get('/admin/queues').set(bearer(moderator)), 403);
    await request(t.http).get('/admin/queues').set(bearer(admin)).expect(200);
    await request(t.http).get('/admin/queues').auth(admin.email, GOOD_PASSWORD).expect(200);
    expectProblem(
      await request(t.http).get('/admin/queues').auth(admin.email, 'Wrong-Password-00'),
      401,
    );
  });
});
