import { randomUUID } from 'node:crypto';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import {
  bearer,
  GOOD_PASSWORD,
  registerSeller,
  SignedIn,
  signedInAdmin,
  signedInStaff,
} from '../factories/accounts';
import { fileCase } from '../factories/cases';
import { chatScreenshot } from '../factories/screenshots';
import { eventually } from '../helpers/eventually';
import { closeWebApp, startWebApp, WebApp } from '../helpers/browser';

type Principal = 'anonymous' | 'owner' | 'otherSeller' | 'moderator' | 'admin';
const PRINCIPALS: Principal[] = ['anonymous', 'owner', 'otherSeller', 'moderator', 'admin'];

/**
 * What a principal gets: `in` is let in (any answer but a refusal), `signin` is sent to sign in,
 * a number is that refusal.
 */
type Outcome = 'in' | 'signin' | 403 | 404;

const OPEN: Record<Principal, Outcome> = {
  anonymous: 'in',
  owner: 'in',
  otherSeller: 'in',
  moderator: 'in',
  admin: 'in',
};
const SIGNED_IN: Record<Principal, Outcome> = { ...OPEN, anonymous: 'signin' };
const SELLERS: Record<Principal, Outcome> = {
  anonymous: 'signin',
  owner: 'in',
  otherSeller: 'in',
  moderator: 403,
  admin: 403,
};
const OWNER: Record<Principal, Outcome> = { ...SELLERS, otherSeller: 404 };
const STAFF: Record<Principal, Outcome> = {
  anonymous: 'signin',
  owner: 403,
  otherSeller: 403,
  moderator: 'in',
  admin: 'in',
};

interface Fixtures {
  reference: string;
  evidenceId: string;
  sightingId: string;
}

interface Row {
  expect: Record<Principal, Outcome>;
  path: (f: Fixtures) => string;
  form?: Record<string, string>;
  /** Sent as multipart with a screenshot, as the evidence form is. */
  file?: boolean;
}

/** Every web route, as Express spells it, with who may use it. */
const ROUTES: Record<string, Row> = {
  'GET /': { expect: SIGNED_IN, path: () => '/' },
  'GET /assets/:name': { expect: OPEN, path: () => '/assets/bulwark.js' },
  'GET /signin': { expect: OPEN, path: () => '/signin' },
  'POST /signin': { expect: OPEN, path: () => '/signin', form: { email: 'x@example.com' } },
  'GET /signup': { expect: OPEN, path: () => '/signup' },
  'POST /signup': { expect: OPEN, path: () => '/signup', form: { email: 'bad' } },
  'GET /language/:locale': { expect: OPEN, path: () => '/language/zh?back=/' },
  'GET /account': { expect: SIGNED_IN, path: () => '/account' },
  'POST /account/password': {
    expect: SIGNED_IN,
    path: () => '/account/password',
    form: { currentPassword: 'wrong', newPassword: 'x' },
  },
  'GET /cases': { expect: SELLERS, path: () => '/cases' },
  'GET /cases/new': { expect: SELLERS, path: () => '/cases/new' },
  'POST /cases/new': { expect: SELLERS, path: () => '/cases/new', form: { type: 'bogus' } },
  'GET /cases/:reference': { expect: OWNER, path: (f) => `/cases/${f.reference}` },
  'POST /cases/:reference/messages': {
    expect: OWNER,
    path: (f) => `/cases/${f.reference}/messages`,
    form: { body: '' },
  },
  'POST /cases/:reference/description': {
    expect: OWNER,
    path: (f) => `/cases/${f.reference}/description`,
    form: { description: '' },
  },
  'POST /cases/:reference/identifiers': {
    expect: OWNER,
    path: (f) => `/cases/${f.reference}/identifiers`,
    form: { kind: 'qq', value: 'x', reason: 'r' },
  },
  'POST /cases/:reference/evidence': {
    expect: OWNER,
    path: (f) => `/cases/${f.reference}/evidence`,
    form: {},
    file: true,
  },
  'POST /cases/:reference/appeal': {
    expect: OWNER,
    path: (f) => `/cases/${f.reference}/appeal`,
    form: { reason: 'The buyer never contacted me' },
  },
  'POST /cases/:reference/withdraw': {
    expect: OWNER,
    path: (f) => `/cases/${f.reference}/withdraw`,
    form: {},
  },
  'GET /cases/:reference/progress': {
    expect: OWNER,
    path: (f) => `/cases/${f.reference}/progress`,
  },
  'GET /evidence/:id/thumbnail': {
    expect: OWNER,
    path: (f) => `/evidence/${f.evidenceId}/thumbnail`,
  },
  'GET /console': { expect: STAFF, path: () => '/console' },
  'GET /console/offenders': { expect: STAFF, path: () => '/console/offenders' },
  // No such offender or campaign: staff get through to the service, which finds none.
  'GET /console/offenders/:id': {
    expect: { ...STAFF, moderator: 404, admin: 404 },
    path: () => `/console/offenders/${randomUUID()}`,
  },
  'GET /console/campaigns': { expect: STAFF, path: () => '/console/campaigns' },
  'GET /console/campaigns/:id': {
    expect: { ...STAFF, moderator: 404, admin: 404 },
    path: () => `/console/campaigns/${randomUUID()}`,
  },
  'GET /console/lookup': { expect: STAFF, path: () => '/console/lookup?kind=qq&value=12345' },
  'GET /console/figures': { expect: STAFF, path: () => '/console/figures' },
  'GET /console/cases/:reference': { expect: STAFF, path: (f) => `/console/cases/${f.reference}` },
  ...Object.fromEntries(
    [
      'claim',
      'release',
      'request-info',
      'escalate',
      'resolve',
      'merge',
      'reopen',
      'mark-separate',
      'notes',
      'identifiers',
    ].map((move) => [
      `POST /console/cases/:reference/${move}`,
      { expect: STAFF, path: (f: Fixtures) => `/console/cases/${f.reference}/${move}`, form: {} },
    ]),
  ),
  'POST /console/sightings/:id/reject': {
    expect: STAFF,
    path: (f) => `/console/sightings/${f.sightingId}/reject`,
    form: {},
  },
  'GET /console/evidence/:id/:variant': {
    expect: STAFF,
    path: (f) => `/console/evidence/${f.evidenceId}/thumbnail`,
  },
  // Last: it ends each principal's session.
  'POST /signout': { expect: OPEN, path: () => '/signout', form: {} },
};

/** The routes Express serves that are pages, not the API, its documents or operations. */
function webRoutesOf(t: WebApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack
    .flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods).map(
            (method) => `${method.toUpperCase()} ${layer.route!.path}`,
          )
        : [],
    )
    .filter((route) => !/ \/(v1|health|metrics|docs|openapi)\b/.test(route) && !route.includes('*'))
    .sort();
}

/**
 * A GET, answered when its body ends or, for the progress stream that stays open to those it
 * lets in, when its first event has come.
 */
async function read(
  agent: TestAgent,
  path: string,
): Promise<{ status: number; headers: Record<string, string> }> {
  try {
    return await agent
      .get(path)
      .timeout({ deadline: 3_000 })
      .ok(() => true);
  } catch (error) {
    const timedOut = error as { timeout?: number; response?: unknown };
    if (timedOut.timeout && path.endsWith('/progress')) return { status: 200, headers: {} };
    throw error;
  }
}

describe('who may use each web page and form', () => {
  let t: WebApp;
  let fixtures: Fixtures;
  let screenshot: Buffer;
  const agents = {} as Record<Principal, TestAgent>;
  const tokens = {} as Record<Principal, string>;

  /** A browser-like client: the session in its cookie jar, the CSRF token of its forms. */
  async function webClient(who?: SignedIn): Promise<{ agent: TestAgent; token: string }> {
    const agent = request.agent(t.http);
    const signInPage = await agent.get('/signin').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(signInPage.text)![1];
    if (!who) return { agent, token };
    await agent
      .post('/signin')
      .type('form')
      .send({ _csrf: token, email: who.email, password: GOOD_PASSWORD })
      .expect(303);
    const account = await agent.get('/account').expect(200);
    return { agent, token: /name="_csrf" value="([^"]+)"/.exec(account.text)![1] };
  }

  beforeAll(async () => {
    t = await startWebApp();
    screenshot = await chatScreenshot(['hello']);
    const admin = await signedInAdmin(t);
    const owner = await registerSeller(t);
    const people: Record<Exclude<Principal, 'anonymous'>, SignedIn> = {
      owner,
      otherSeller: await registerSeller(t),
      moderator: await signedInStaff(t, admin, 'moderator'),
      admin,
    };
    const kase = await fileCase(t, owner, {
      reported: [
        {
          identifiers: [
            { kind: 'qq', value: String(4_100_000_000 + Math.floor(Math.random() * 1e8)) },
          ],
        },
      ],
    });
    const upload = await request(t.http)
      .post(`/v1/cases/${kase.id}/evidence`)
      .set(bearer(owner))
      .attach('files', await chatScreenshot(['hello']), 'chat.png')
      .expect(202);
    const evidenceId = upload.body.items?.[0]?.id ?? upload.body[0]?.id;
    await eventually(async () => {
      const item = (
        await request(t.http).get(`/v1/evidence/${evidenceId}`).set(bearer(owner)).expect(200)
      ).body;
      expect(item.status).toBe('processed');
    });
    const sighting = (
      await request(t.http)
        .post(`/v1/cases/${kase.id}/identifiers`)
        .set(bearer(owner))
        .send({ kind: 'wechat', value: 'xw_chaping88', reason: 'In the screenshot' })
        .expect(201)
    ).body;
    fixtures = { reference: kase.reference, evidenceId, sightingId: sighting.id };
    for (const principal of PRINCIPALS) {
      const client = await webClient(principal === 'anonymous' ? undefined : people[principal]);
      agents[principal] = client.agent;
      tokens[principal] = client.token;
    }
  });
  afterAll(() => closeWebApp(t));

  it('has a row for every web route and no row for a route that is gone', () => {
    expect(Object.keys(ROUTES).sort()).toEqual(webRoutesOf(t));
  });

  for (const [route, row] of Object.entries(ROUTES)) {
    it(`${route}: ${PRINCIPALS.map((p) => `${p} ${row.expect[p]}`).join(', ')}`, async () => {
      const [method] = route.split(' ');
      for (const principal of PRINCIPALS) {
        const agent = agents[principal];
        const path = row.path(fixtures);
        const answer =
          method === 'GET'
            ? await read(agent, path)
            : row.file
              ? await agent
                  .post(path)
                  .field('_csrf', tokens[principal])
                  .attach('files', screenshot, 'chat.png')
                  .ok(() => true)
              : await agent
                  .post(path)
                  .type('form')
                  .send({ _csrf: tokens[principal], ...row.form })
                  .ok(() => true);
        const location = String(answer.headers.location ?? '');
        const got: Outcome =
          answer.status === 303 && location.startsWith('/signin') && !route.startsWith('POST /sign')
            ? 'signin'
            : answer.status === 403 || answer.status === 404
              ? answer.status
              : 'in';
        expect({ principal, status: answer.status, got }).toEqual({
          principal,
          status: answer.status,
          got: row.expect[principal],
        });
      }
    });
  }
});
