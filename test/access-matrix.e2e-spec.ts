import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AccessFixtures } from './access/access-fixtures';
import { ACCESS_MATRIX, ROUTES_OUTSIDE_OPENAPI, RouteCall } from './access/access-matrix.table';
import { FORGED_CURSORS } from './access/forged-cursors';
import { hostileRequestsOf } from './access/hostile-requests';
import { OpenApiDocument, pathOf, routesOf } from './access/openapi-routes';
import { Principal, PRINCIPALS } from './access/principals';
import { Answer, shortfallOf } from './access/refusals';
import { openEventStream } from './helpers/event-stream';
import { startTestApp, TestApp } from './helpers/test-app';

const TABLE_FILE = 'test/access/access-matrix.table.ts';
// Held by no principal: /metrics must refuse them all (see its row).
const METRICS_TOKEN = 'a-metrics-token-no-principal-holds';

type Verb = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

const listed = (routes: string[]) => routes.map((route) => `  ${route}`).join('\n');

describe('access matrix: every route, as every principal', () => {
  let t: TestApp;
  let uploads: string;
  let fixtures: AccessFixtures;
  let document: OpenApiDocument;
  let documentedRoutes: string[];

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-access-e2e-'));
    t = await startTestApp({ UPLOADS_DIR: uploads, METRICS_TOKEN });
    // Event streams are read over a real socket, not through supertest.
    await t.app.listen(0, '127.0.0.1');
    fixtures = await AccessFixtures.build(t);
    const served = await request(t.http).get('/docs/openapi.json').expect(200);
    document = served.body as OpenApiDocument;
    documentedRoutes = routesOf(document);
  }, 180_000);
  afterAll(async () => {
    await t?.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  /** Sends `call` as `principal`; a stream is opened, judged by its head, and closed. */
  async function send(
    route: string,
    call: RouteCall,
    principal: Principal,
    stream?: true,
  ): Promise<Answer> {
    const path = pathOf(route, call);
    const credentials = call.credentials ?? fixtures.credentialsOf(principal);
    if (stream) {
      const opened = await openEventStream(t.http, path, credentials);
      opened.close();
      return { status: opened.status, contentType: opened.contentType, fields: [] };
    }
    const verb = route.slice(0, route.indexOf(' ')).toLowerCase() as Verb;
    let pending = request(t.http)[verb](path).set(credentials);
    for (const [name, value] of Object.entries(call.fields ?? {})) {
      pending = pending.field(name, value);
    }
    for (const file of call.files ?? []) {
      pending = pending.attach(file.field, file.content, file.filename);
    }
    if (call.json) pending = pending.send(call.json);
    const response = await pending;
    const problem = response.body as { detail?: string; errors?: { field: string }[] } | undefined;
    return {
      status: response.status,
      contentType: response.headers['content-type'],
      detail: problem?.detail,
      fields: problem?.errors?.map((error) => error.field) ?? [],
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
        const call = (await row.call?.(fixtures, principal)) ?? {};
        const answer = await send(route, call, principal, row.stream);
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

  describe('hostile input, on every route of the document', () => {
    it('reads the bodies, their nested text fields and the cursors out of the document', () => {
      const fieldsOf = (route: string, base: RouteCall) =>
        hostileRequestsOf(route, document, base, 'owner').map(({ refusal }) => refusal.field);
      expect(fieldsOf('POST /v1/cases', { json: fixtures.newCaseBody() })).toEqual(
        expect.arrayContaining([
          'title',
          'amountDemanded.currency',
          'reported[0].identifiers[0].value',
        ]),
      );
      expect(fieldsOf('POST /v1/cases/{id}/evidence', { params: { id: 'x' } })).toEqual([
        'kind',
        'id',
      ]);
      expect(fieldsOf('GET /v1/cases', {}).filter((field) => field === 'cursor')).toHaveLength(
        FORGED_CURSORS.length + 1,
      );
    });

    for (const [route, row] of Object.entries(ACCESS_MATRIX)) {
      it(`${route} refuses it with a 400 that names what is wrong, never a 5xx`, async () => {
        // Someone the route lets in, so that what they send is all that can be refused.
        const principal = PRINCIPALS.find((who) => row.expect[who] < 400);
        if (!principal) {
          const untried = hostileRequestsOf(route, document, {}, 'anonymous');
          if (untried.length > 0) {
            throw new Error(`No principal may call ${route}, so its hostile input goes untried`);
          }
          return;
        }
        const base = (await row.call?.(fixtures, principal)) ?? {};
        const shortfalls: string[] = [];
        // A refusal ends before any stream opens, so stream routes are read like the others.
        for (const hostile of hostileRequestsOf(route, document, base, principal)) {
          const answer = await send(route, hostile.call, hostile.principal);
          const shortfall = shortfallOf(answer, hostile.refusal);
          if (shortfall) shortfalls.push(`${hostile.what}, as ${hostile.principal}: ${shortfall}`);
        }
        if (shortfalls.length > 0) throw new Error(`${route}:\n${listed(shortfalls)}`);
      });
    }
  });
});
