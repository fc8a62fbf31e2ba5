import { randomUUID } from 'node:crypto';
import { GOOD_PASSWORD, sellerSignUp } from '../factories/accounts';
import type { AccessFixtures } from './access-fixtures';
import type { Principal } from './principals';

/**
 * The access matrix: for every route the app serves, the status each principal gets. The
 * e2e spec (test/access-matrix.e2e-spec.ts) calls every route as every principal and checks the
 * answer against this table; a route in the OpenAPI document without a row here fails it, and so
 * does a row whose route is gone. The statuses are what the product promises (README,
 * ../shared/API.md), never what a route happens to answer: a cell that fails because the route
 * lets in someone it should not is a hole to fix in the route, not in this table.
 *
 * To add a route, add a row under its `METHOD /path/{param}` exactly as the OpenAPI document
 * spells it: `expect` from the preset that says who may call it (or every principal spelled out),
 * and `call` giving each {param} a fixture the owner owns, the query and a valid body. When the
 * route changes or consumes its target, `call` builds a new one per principal with a new*()
 * method of AccessFixtures (add one there if none fits).
 *
 * The same spec then tries every route with hostile input built from the OpenAPI document
 * (test/access/hostile-requests.ts): each row's call, made for the first principal the row lets
 * in, is spoiled one part at a time, so it must send the JSON body a route takes.
 */

export type ExpectedStatuses = Record<Principal, number>;

export interface RouteCall {
  /** Fills the route's {params}; every one must be given. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A valid JSON body: a refusal must come from who calls, never from what they send. */
  json?: object;
  /** A valid multipart body instead. */
  files?: { field: string; content: Buffer; filename: string }[];
  /** Text fields sent with the files. */
  fields?: Record<string, string>;
  /** Credentials that replace the principal's usual ones (a session of its own to end). */
  credentials?: Record<string, string>;
}

export interface RouteRow {
  expect: ExpectedStatuses;
  /**
   * How to call the route. It runs once per principal, so a route that changes or consumes what
   * it is given builds a new target here (the fixtures' new*() methods) and one principal's
   * success cannot change what the next one sees.
   */
  call?: (fixtures: AccessFixtures, principal: Principal) => RouteCall | Promise<RouteCall>;
  /** The content type a success comes with, where it is the point of the route. */
  successType?: RegExp;
  /** A server-sent event stream: opened, its status and content type checked, then closed. */
  stream?: true;
}

// Who may call a route, in the words of API.md's "who" column. Each names every principal by
// hand: a scope added to API_KEY_SCOPES is a type error here, and every cell of its key fails,
// until it is given its status in each preset and overridden in the rows whose routes accept it.

/** Everyone, with credentials or without. */
const anyone = (status: number): ExpectedStatuses => ({
  owner: status,
  otherSeller: status,
  moderator: status,
  admin: status,
  'apiKey:cases:read': status,
  anonymous: status,
});

/** Any signed-in person, whatever the role; a key is refused on a route for people. */
const signedIn = (status: number): ExpectedStatuses => ({
  owner: status,
  otherSeller: status,
  moderator: status,
  admin: status,
  'apiKey:cases:read': 403,
  anonymous: 401,
});

/** The seller who owns the case, moderators and admins; another seller's case does not exist. */
const ownerAndStaff = (status: number): ExpectedStatuses => ({
  owner: status,
  otherSeller: 404,
  moderator: status,
  admin: status,
  'apiKey:cases:read': 403,
  anonymous: 401,
});

/** Moderators and admins; sellers are refused outright. */
const staff = (status: number): ExpectedStatuses => ({
  owner: 403,
  otherSeller: 403,
  moderator: status,
  admin: status,
  'apiKey:cases:read': 403,
  anonymous: 401,
});

/** Admins only. */
const admins = (status: number): ExpectedStatuses => ({
  owner: 403,
  otherSeller: 403,
  moderator: 403,
  admin: status,
  'apiKey:cases:read': 403,
  anonymous: 401,
});

const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const ownerCase = (fixtures: AccessFixtures): RouteCall => ({
  params: { id: fixtures.ownerCase.id },
});
const newOwnerCase = async (fixtures: AccessFixtures): Promise<RouteCall> => ({
  params: { id: (await fixtures.newOwnerCase()).id },
});
const claimedBy = async (fixtures: AccessFixtures, principal: Principal): Promise<RouteCall> => ({
  params: { id: await fixtures.newCaseClaimedBy(principal) },
});
const screenshot = (fixtures: AccessFixtures): RouteCall => ({
  params: { id: fixtures.screenshotId },
});

/** Every route in the OpenAPI document, as `METHOD /path/{param}`. */
export const ACCESS_MATRIX: Record<string, RouteRow> = {
  // Accounts
  'GET /v1/me': { expect: signedIn(200) },
  'GET /v1/me/activity': { expect: signedIn(200) },
  'POST /v1/users': {
    expect: admins(201),
    call: () => ({
      json: {
        email: `moderator-${randomUUID()}@example.com`,
        password: GOOD_PASSWORD,
        displayName: 'New Moderator',
        role: 'moderator',
      },
    }),
  },
  'GET /v1/users': { expect: admins(200) },
  'GET /v1/users/{id}': {
    expect: admins(200),
    call: (fixtures) => ({ params: { id: fixtures.owner.id } }),
  },
  'PATCH /v1/users/{id}': {
    expect: admins(200),
    call: async (fixtures) => ({
      params: { id: await fixtures.newSeller() },
      json: { status: 'disabled' },
    }),
  },

  // Integrations
  'POST /v1/api-keys': {
    expect: admins(201),
    call: () => ({ json: { name: 'Back office', scopes: ['cases:read'] } }),
  },
  'GET /v1/api-keys': { expect: admins(200) },
  // Describes the calling key: a person is refused by the route itself.
  'GET /v1/api-keys/current': {
    expect: {
      owner: 403,
      otherSeller: 403,
      moderator: 403,
      admin: 403,
      'apiKey:cases:read': 200,
      anonymous: 401,
    },
  },
  'DELETE /v1/api-keys/{id}': {
    expect: admins(204),
    call: async (fixtures) => ({ params: { id: await fixtures.newApiKey() } }),
  },

  // Sign-up and sessions
  'POST /v1/auth/register': {
    expect: anyone(201),
    call: () => ({ json: sellerSignUp() }),
  },
  'POST /v1/auth/login': {
    expect: anyone(200),
    call: (fixtures) => ({
      json: { email: fixtures.owner.email, password: fixtures.owner.password },
    }),
  },
  'POST /v1/auth/refresh': {
    expect: anyone(200),
    call: async (fixtures) => ({ json: { refreshToken: await fixtures.newOwnerRefreshToken() } }),
  },
  'POST /v1/auth/logout': {
    expect: signedIn(204),
    call: async (fixtures, principal) => ({
      credentials: await fixtures.newSessionOf(principal),
    }),
  },

  'GET /v1/guidance/{platform}': {
    expect: signedIn(200),
    call: () => ({ params: { platform: 'taobao' } }),
  },

  // Cases
  'GET /v1/cases': { expect: signedIn(200) },
  'POST /v1/cases': {
    expect: {
      owner: 201,
      otherSeller: 201,
      moderator: 403,
      admin: 403,
      'apiKey:cases:read': 403,
      anonymous: 401,
    },
    call: (fixtures) => ({ json: fixtures.newCaseBody() }),
  },
  'GET /v1/cases/{id}': { expect: ownerAndStaff(200), call: ownerCase },
  'GET /v1/cases/{id}/status': {
    expect: { ...ownerAndStaff(200), 'apiKey:cases:read': 200 },
    call: ownerCase,
  },
  // Only the seller who filed it; staff close cases by resolving them.
  'POST /v1/cases/{id}/withdraw': {
    expect: {
      owner: 200,
      otherSeller: 404,
      moderator: 403,
      admin: 403,
      'apiKey:cases:read': 403,
      anonymous: 401,
    },
    call: newOwnerCase,
  },
  // Corrections: the seller's text, and identifiers the seller or a moderator adds.
  'PATCH /v1/cases/{id}': {
    expect: {
      owner: 200,
      otherSeller: 404,
      moderator: 403,
      admin: 403,
      'apiKey:cases:read': 403,
      anonymous: 401,
    },
    call: async (fixtures) => ({
      ...(await newOwnerCase(fixtures)),
      json: { description: '他加了我的微信，要我付50元才删差评。' },
    }),
  },
  'POST /v1/cases/{id}/identifiers': {
    expect: ownerAndStaff(201),
    call: async (fixtures) => ({
      ...(await newOwnerCase(fixtures)),
      json: { kind: 'qq', value: fixtures.newQq(), reason: 'OCR missed it.' },
    }),
  },
  'POST /v1/cases/{id}/mark-separate': {
    expect: staff(200),
    call: async (fixtures) => ({
      params: { id: await fixtures.newLikelyDuplicate() },
      json: { reason: 'A second demand, a week later, for another order.' },
    }),
  },
  // Moderation: the queue, claims, then the moves, each by the moderator holding the claim.
  'GET /v1/moderation/queue': { expect: staff(200) },
  'GET /v1/moderation/cases/{id}': { expect: staff(200), call: ownerCase },
  'GET /v1/moderation/stats': { expect: staff(200) },
  'POST /v1/cases/{id}/claim': { expect: staff(200), call: newOwnerCase },
  'POST /v1/cases/{id}/release': { expect: staff(200), call: claimedBy },
  'POST /v1/cases/{id}/assign': {
    expect: staff(200),
    call: async (fixtures) => ({
      ...(await newOwnerCase(fixtures)),
      json: { moderatorId: fixtures.moderatorId },
    }),
  },
  'POST /v1/cases/{id}/request-info': {
    expect: staff(200),
    call: async (fixtures, principal) => ({
      ...(await claimedBy(fixtures, principal)),
      json: { message: 'Please send the whole chat, from the first message.' },
    }),
  },
  'POST /v1/cases/{id}/escalate': {
    expect: staff(200),
    call: async (fixtures, principal) => ({
      ...(await claimedBy(fixtures, principal)),
      json: { reason: 'Same QQ as a police report.' },
    }),
  },
  'POST /v1/cases/{id}/resolve': {
    expect: staff(200),
    call: async (fixtures, principal) => ({
      ...(await claimedBy(fixtures, principal)),
      json: { outcome: 'upheld', summary: 'The chat shows the demand.', actions: ['no_action'] },
    }),
  },
  'POST /v1/cases/{id}/merge': {
    expect: staff(200),
    call: async (fixtures, principal) => ({
      ...(await claimedBy(fixtures, principal)),
      json: { targetCaseId: (await fixtures.newOwnerCase()).id },
    }),
  },
  'POST /v1/cases/{id}/reopen': {
    expect: staff(200),
    call: async (fixtures) => ({
      params: { id: await fixtures.newResolvedCase() },
      json: { reason: 'New evidence arrived.' },
    }),
  },
  // Only the seller whose case was decided.
  'POST /v1/cases/{id}/appeal': {
    expect: {
      owner: 200,
      otherSeller: 404,
      moderator: 403,
      admin: 403,
      'apiKey:cases:read': 403,
      anonymous: 401,
    },
    call: async (fixtures) => ({
      params: { id: await fixtures.newResolvedCase() },
      json: { reason: 'The buyer really did threaten me.' },
    }),
  },
  // Canned replies: moderators read them, admins keep them.
  'GET /v1/reply-templates': { expect: staff(200) },
  'POST /v1/reply-templates': {
    expect: admins(201),
    call: () => ({
      json: { name: `Ask ${randomUUID()}`, language: 'en', body: 'Hello {{sellerName}}' },
    }),
  },
  'PATCH /v1/reply-templates/{id}': {
    expect: admins(200),
    call: async (fixtures) => ({
      params: { id: await fixtures.newReplyTemplate() },
      json: { body: 'Hello again, {{sellerName}}' },
    }),
  },
  'DELETE /v1/reply-templates/{id}': {
    expect: admins(204),
    call: async (fixtures) => ({ params: { id: await fixtures.newReplyTemplate() } }),
  },
  'GET /v1/cases/{id}/reply-templates': { expect: staff(200), call: ownerCase },
  'GET /v1/cases/{id}/messages': { expect: ownerAndStaff(200), call: ownerCase },
  'POST /v1/cases/{id}/messages': {
    expect: ownerAndStaff(201),
    call: async (fixtures) => ({
      ...(await newOwnerCase(fixtures)),
      json: { body: 'Is there any news on this?' },
    }),
  },
  'POST /v1/cases/{id}/notes': {
    expect: staff(201),
    call: async (fixtures) => ({
      ...(await newOwnerCase(fixtures)),
      json: { body: 'Checked the order history: one refund.' },
    }),
  },
  'GET /v1/cases/{id}/timeline': { expect: ownerAndStaff(200), call: ownerCase },

  // Evidence
  'POST /v1/cases/{id}/evidence': {
    expect: ownerAndStaff(202),
    call: async (fixtures) => ({
      ...(await newOwnerCase(fixtures)),
      files: [{ field: 'files', content: ONE_PIXEL_PNG, filename: 'chat.png' }],
    }),
  },
  'GET /v1/cases/{id}/evidence': { expect: ownerAndStaff(200), call: ownerCase },
  'GET /v1/cases/{id}/evidence/progress': {
    expect: ownerAndStaff(200),
    call: ownerCase,
    stream: true,
    successType: /^text\/event-stream/,
  },
  'GET /v1/evidence/{id}/orders': {
    expect: ownerAndStaff(200),
    call: (fixtures) => ({ params: { id: fixtures.orderExportId } }),
  },
  'GET /v1/evidence/{id}/content': {
    expect: ownerAndStaff(200),
    call: screenshot,
    successType: /^image\/png/,
  },
  'GET /v1/evidence/{id}/preview': {
    expect: ownerAndStaff(200),
    call: screenshot,
    successType: /^image\/webp/,
  },
  'GET /v1/evidence/{id}/thumbnail': {
    expect: ownerAndStaff(200),
    call: screenshot,
    successType: /^image\/webp/,
  },
  'GET /v1/evidence/{id}': { expect: ownerAndStaff(200), call: screenshot },

  // Shops: moderators only
  'GET /v1/shops': { expect: staff(200) },
  'GET /v1/shops/{id}': {
    expect: staff(200),
    call: (fixtures) => ({ params: { id: fixtures.ownerShopId } }),
  },
  'POST /v1/shops/{id}/verify': {
    expect: staff(200),
    call: (fixtures) => ({
      params: { id: fixtures.ownerShopId },
      json: { method: 'platform_message', note: 'Code 4821 came back through Taobao messages.' },
    }),
  },
  // Cross-referencing: moderators only
  'GET /v1/offenders': { expect: staff(200) },
  'GET /v1/offenders/{id}': {
    expect: staff(200),
    call: (fixtures) => ({ params: { id: fixtures.offenderId } }),
  },
  'GET /v1/identifiers/lookup': {
    expect: staff(200),
    call: (fixtures) => ({ query: { kind: 'qq', value: fixtures.ownerCase.qq } }),
  },
  'GET /v1/identifiers/excluded': { expect: staff(200) },
  'POST /v1/identifiers/{id}/not-identifying': {
    expect: staff(204),
    call: async (fixtures) => ({ params: { id: await fixtures.newReportedIdentifier() } }),
  },
  'POST /v1/sightings/{id}/confirm': {
    expect: staff(200),
    call: async (fixtures) => ({ params: { id: await fixtures.newExtractedSighting() } }),
  },
  'POST /v1/sightings/{id}/reject': {
    expect: staff(200),
    call: async (fixtures) => ({ params: { id: await fixtures.newTypedSighting() } }),
  },
  'GET /v1/cases/{id}/related': { expect: staff(200), call: ownerCase },
  'GET /v1/campaigns': { expect: staff(200) },
  'GET /v1/campaigns/{id}': {
    expect: staff(200),
    call: (fixtures) => ({ params: { id: fixtures.campaignId } }),
  },

  // Operations
  'GET /health/live': { expect: anyone(200) },
  'GET /health/ready': { expect: anyone(200) },
  // The spec runs the app with a METRICS_TOKEN that no principal holds: neither a person's
  // token nor an API key opens the metrics (operations.e2e-spec.ts scrapes them without one).
  'GET /metrics': { expect: anyone(401) },
};

/**
 * Routes the app serves outside its OpenAPI document, so the completeness check cannot find
 * them: the document's own pages (Swagger UI mounts them) and the queue dashboard (bull-board).
 */
export const ROUTES_OUTSIDE_OPENAPI: Record<string, RouteRow> = {
  'GET /docs': { expect: anyone(200), successType: /^text\/html/ },
  'GET /docs/openapi.json': { expect: anyone(200), successType: /^application\/json/ },
  'GET /docs/openapi.yaml': { expect: anyone(200) },
  // The dashboard reads only Authorization (Bearer or Basic): a key is no credential there.
  'GET /admin/queues': { expect: { ...admins(200), 'apiKey:cases:read': 401 } },
  'GET /admin/queues/api/queues': { expect: { ...admins(200), 'apiKey:cases:read': 401 } },
};
