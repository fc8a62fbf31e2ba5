import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AccessFixtures } from './access/access-fixtures';
import { ACCESS_MATRIX, ROUTES_OUTSIDE_OPENAPI, RouteRow } from './access/access-matrix.table';
import { OpenApiDocument, pathOf, routesOf } from './access/openapi-routes';
import { Principal, PRINCIPALS } from './access/principals';
import { openEventStream } from './helpers/event-stream';
import { startTestApp, TestApp } from './helpers/test-app';

const TABLE_FILE = 'test/access/access-matrix.table.ts';
// Held by no principal: /metrics must refuse them all (see its row).
const METRICS_TOKEN = 'a-metrics-token-no-principal-holds';

type Verb = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

/** What a principal got from a route: enough to tell a success from a refusal. */
interface Answer {
  status: number;
  contentType: string | undefined;
  detail?: string;
}

const listed = (routes: string[]) => routes.map((route) => `  ${route}`).join('\n');

describe('access matrix: every route, as every principal', () => {
  let t: TestApp;
  let uploads: string;
  let fixtures: AccessFixtures;
  let documentedRoutes: string[];

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-access-e2e-'));
    t = await startTestApp({ UPLOADS_DIR: uploads, METRICS_TOKEN });
    // Event streams are read over a real socket, not through supertest.
    await t.app.listen(0, '127.0.0.1');
    fixtures = await AccessFixtures.build(t);
    const document = await request(t.http).get('/docs/openapi.json').expect(200);
    documentedRoutes = routesOf(document.body as OpenApiDocument);
  }, 180_000);
  afterAll(async () => {
    await t?.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  async function callRoute(route: string, row: RouteRow, principal: Principal): Promise<Answer> {
    const call = (await row.call?.(fixtures, principal)) ?? {};
    const path = pathOf(route, call);
    const credentials = call.credentials ?? fixtures.credentialsOf(principal);
    if (row.stream) {
      const stream = await openEventStream(t.http, path, credentials);
      stream.close();
      return { status: stream.status, contentType: stream.contentType };
    }
    const verb = route.slice(0, route.indexOf(' ')).toLowerCase() as Verb;
    let pending = request(t.http)[verb](path).set(credentials);
    for (const file of call.files ?? []) {
      pending = pending.attach(file.field, file.content, file.filename);
    }
    if (call.json) pending = pending.send(call.json);
    const response = await pending;
    return {
      status: response.status,
      contentType: response.headers['content-type'],
      detail: (response.body as { detail?: string } | undefined)?.detail,
    };
  }

  it('has a row for every route in the OpenAPI document', () => {
    const missing = documentedRoutes.filter((route) => !(route in ACCESS_MATRIX));
    if (missing.length > 0) {
      throw new Error(
        `The OpenAPI document has routes that ${TABLE_FILE} does not: give each a row saying ` +
          `what every principal gets, and how to call it:\n${listed(missing)}`,
      );
    }
  });

  it('has no row for a route the OpenAPI document no longer has', () => {
    const gone = Object.keys(ACCESS_MATRIX).filter((route) => !documentedRoutes.includes(route));
    if (gone.length > 0) {
      throw new Error(`${TABLE_FILE} has rows for routes that no longer exist:\n${listed(gone)}`);
    }
    const documented = Object.keys(ROUTES_OUTSIDE_OPENAPI).filter((route) =>
      documentedRoutes.includes(route),
    );
    if (documented.length > 0) {
      throw new Error(
        `These routes are in the OpenAPI document now; move their rows to ACCESS_MATRIX:\n` +
          listed(documented),
      );
    }
  });

  for (const [route, row] of Object.entries({ ...ACCESS_MATRIX, ...ROUTES_OUTSIDE_OPENAPI })) {
    for (const principal of PRINCIPALS) {
      const expected = row.expect[principal] as number | undefined;
      it(`${route}: ${principal} gets ${expected ?? 'a status the table does not give'}`, async () => {
        if (expected === undefined) {
          throw new Error(`${TABLE_FILE} gives no status for ${principal} on ${route}`);
        }
        const answer = await callRoute(route, row, principal);
        if (answer.status !== expected) {
          const detail = answer.detail ? `: ${answer.detail}` : '';
          throw new Error(
            `${route} as ${principal}: expected ${expected}, got ${answer.status}${detail}`,
          );
        }
        if (expected >= 400) {
          expect(answer.contentType).toMatch(/^application\/problem\+json/);
        } else if (row.successType) {
          expect(answer.contentType).toMatch(row.successType);
        }
      });
    }
  }
});
