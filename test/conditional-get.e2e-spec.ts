import { randomInt, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { bearer, registerSeller, SignedIn } from './factories/accounts';
import { fileCase } from './factories/cases';
import { startTestApp, TestApp } from './helpers/test-app';

describe('conditional GET of a case', () => {
  let t: TestApp;
  let seller: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await registerSeller(t);
  });
  afterAll(() => t.app.close());

  // A party of its own: one shared with other cases makes a repeat offender, whose open cases are
  // raised in the background, moving their ETags under the test.
  const fileLoneCase = () =>
    fileCase(t, seller, {
      orderIds: [],
      reported: [{ identifiers: [{ kind: 'qq', value: String(randomInt(1e9, 1e10)) }] }],
    });
  const get = (path: string, headers: Record<string, string> = {}) =>
    request(t.http).get(path).set(bearer(seller)).set(headers);

  describe.each(['', '/status'])('GET /v1/cases/{id}%s', (route) => {
    // Node's fetch sends Cache-Control: no-cache, which must not turn a match into a 200.
    it.each([
      ['its ETag', 304, (etag: string) => etag],
      ['its ETag marked weak', 304, (etag: string) => `W/${etag}`],
      ['a list holding its ETag', 304, (etag: string) => `"stale", ${etag}`],
      ['a list holding its weak ETag', 304, (etag: string) => `W/"stale",W/${etag}`],
      ['*', 304, () => '*'],
      ['another ETag', 200, () => '"stale"'],
      ['a list of other ETags', 200, () => '"stale-1", W/"stale-2"'],
    ])(
      'answers If-None-Match: %s with %d, with or without Cache-Control: no-cache',
      async (_name, status, ifNoneMatch) => {
        const path = `/v1/cases/${(await fileLoneCase()).id}${route}`;
        const { etag } = (await get(path).expect(200)).headers;
        const cacheControls: Record<string, string>[] = [{}, { 'Cache-Control': 'no-cache' }];
        for (const cacheControl of cacheControls) {
          const response = await get(path, { 'If-None-Match': ifNoneMatch(etag), ...cacheControl });
          expect(response.status).toBe(status);
          expect(response.headers.etag).toBe(etag);
          if (status === 304) expect(response.text).toBeFalsy();
        }
      },
    );

    it('answers 304 to Node’s fetch, which adds Cache-Control: no-cache to a conditional GET', async () => {
      const path = `/v1/cases/${(await fileLoneCase()).id}${route}`;
      const { etag } = (await get(path).expect(200)).headers;
      const server: Server = t.http.listen(0, '127.0.0.1');
      try {
        await new Promise((resolve) => server.once('listening', resolve));
        const { port } = server.address() as AddressInfo;
        const response = await fetch(`http://127.0.0.1:${port}${path}`, {
          headers: { ...bearer(seller), 'If-None-Match': etag },
        });
        expect(response.status).toBe(304);
        expect(response.headers.get('etag')).toBe(etag);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('answers 404, not 304, to If-None-Match: * for a case that does not exist', async () => {
      const response = await get(`/v1/cases/${randomUUID()}${route}`, {
        'If-None-Match': '*',
        'Cache-Control': 'no-cache',
      });
      expect(response.status).toBe(404);
    });

    it('answers 200 with the new ETag once the case has changed', async () => {
      const kase = await fileLoneCase();
      const path = `/v1/cases/${kase.id}${route}`;
      const { etag } = (await get(path).expect(200)).headers;
      await request(t.http).post(`/v1/cases/${kase.id}/withdraw`).set(bearer(seller)).expect(200);
      const response = await get(path, { 'If-None-Match': etag, 'Cache-Control': 'no-cache' });
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('withdrawn');
      expect(response.headers.etag).not.toBe(etag);
    });
  });
});
