import request from 'supertest';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

/** A production process without METRICS_TOKEN, behind a proxy that names its clients. */
describe('metrics in production without a token', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', TRUST_PROXY: 'true' });
  });

  afterAll(() => t.app.close());

  it('are refused to a client from elsewhere', async () => {
    const problem = expectProblem(
      await request(t.http).get('/metrics').set('X-Forwarded-For', '203.0.113.9'),
      403,
    );
    expect(problem.detail).toContain('METRICS_TOKEN');
  });

  it('are served to the machine itself', async () => {
    const response = await request(t.http).get('/metrics').expect(200);
    expect(response.text).toContain('http_request_duration_seconds');
  });
});
