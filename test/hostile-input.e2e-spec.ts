import request from 'supertest';
import { MAX_JSON_DEPTH } from '../src/common/http/json-depth';
import {
  bearer,
  registerSeller,
  SignedIn,
  freshShopId,
  sellerSignUp,
  signedInAdmin,
  signedInStaff,
} from './factories/accounts';
import { extortionCase, fileCase } from './factories/cases';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

/** `{"a":{"a":…}}` nested `levels` deep around `leaf`, as raw JSON text. */
function nested(levels: number, leaf = '1'): string {
  return '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);
}

describe('hostile input', () => {
  let t: TestApp;
  let seller: SignedIn;
  let admin: SignedIn;
  let moderator: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await registerSeller(t);
    admin = await signedInAdmin(t);
    moderator = await signedInStaff(t, admin, 'moderator');
  });

  afterAll(() => t.app.close());

  const countRows = async (table: string) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  describe('JSON nested past the limit is refused before anything recurses into it', () => {
    const deep = (field: string) => `{"${field}":${'['.repeat(3000)}${']'.repeat(3000)}}`;

    it.each([
      ['/v1/auth/register', 'displayName'],
      ['/v1/auth/login', 'email'],
      ['/v1/cases', 'reported'],
      ['/v1/cases', 'description'],
      ['/v1/cases', 'amountDemanded'],
    ])('POST %s with %s 3,000 levels deep is a 400 naming the limit', async (route, field) => {
      const cases = await countRows('cases');
      const response = await request(t.http)
        .post(route)
        .set(bearer(seller))
        .set('Content-Type', 'application/json')
        .send(deep(field));
      const problem = expectProblem(response, 400);
      expect(problem.detail).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
      expect(response.headers['x-request-id']).toBeTruthy();
      expect(await countRows('cases')).toBe(cases);
    });

    it('still takes a body nested to the limit (and judges its fields as usual)', async () => {
      const response = await request(t.http)
        .post('/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(nested(MAX_JSON_DEPTH - 1));
      expect(response.status).toBe(400);
      expect(response.body.detail).not.toContain('deeper than');
    });

    it('does not count brackets inside strings', async () => {
      const response = await request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .send(extortionCase({ description: '['.repeat(5000) + ' a complaint in brackets' }))
        .expect(201);
      expect(response.body.description.startsWith('[[[')).toBe(true);
    });
  });

  describe('text the database cannot store is a 400 naming the field', () => {
    it.each([
      [
        'a login email',
        '/v1/auth/login',
        { email: 'li\u0000@example.com', password: 'x' },
        'email',
      ],
      [
        'a display name',
        '/v1/auth/register',
        sellerSignUp({ displayName: 'Li\u0000Na' }),
        'displayName',
      ],
      ['a case title', '/v1/cases', extortionCase({ title: 'refund\u0000me' }), 'title'],
      [
        'an identifier',
        '/v1/cases',
        extortionCase({ reported: [{ identifiers: [{ kind: 'qq', value: '28475\u0000' }] }] }),
        'reported[0].identifiers[0].value',
      ],
      ['a lone surrogate', '/v1/cases', extortionCase({ title: 'bad \ud800 half' }), 'title'],
    ])('%s', async (_what, route, body, field) => {
      const cases = await countRows('cases');
      const users = await countRows('users');
      const response = await request(t.http).post(route).set(bearer(seller)).send(body);
      const problem = expectProblem(response, 400);
      expect(problem.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await countRows('cases')).toBe(cases);
      expect(await countRows('users')).toBe(users);
    });

    it('in a message body', async () => {
      const kase = await fileCase(t, seller);
      const problem = expectProblem(
        await request(t.http)
          .post(`/v1/cases/${kase.id}/messages`)
          .set(bearer(seller))
          .send({ body: 'hello\u0000' }),
        400,
      );
      expect(problem.errors).toEqual([{ field: 'body', message: expect.stringContaining('NUL') }]);
    });

    it('in a query parameter', async () => {
      const problem = expectProblem(
        await request(t.http).get('/v1/cases?q=a%00b').set(bearer(seller)),
        400,
      );
      expect(problem.errors.map((error: { field: string }) => error.field)).toEqual(['q']);
    });

    it('in a plain HTML form', async () => {
      const problem = expectProblem(
        await request(t.http)
          .post('/v1/cases')
          .set(bearer(seller))
          .type('form')
          .send('type=extortion&platform=taobao&title=a%00b&description=x'),
        400,
      );
      expect(problem.errors.map((error: { field: string }) => error.field)).toContain('title');
    });
  });

  it('answers a malformed JSON body with its request id, in the header and the problem', async () => {
    const response = await request(t.http)
      .post('/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "li@example.com",');
    const problem = expectProblem(response, 400);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(problem.requestId).toBe(response.headers['x-request-id']);
    expect(problem.detail).toBe('The request body is not valid JSON.');

    const given = await request(t.http)
      .post('/v1/auth/login')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'trace-42')
      .send('{');
    expect(given.headers['x-request-id']).toBe('trace-42');
    expect(given.body.requestId).toBe('trace-42');
  });

  describe('bytes that are not UTF-8 are a 400, not text quietly changed to U+FFFD', () => {
    const latin1 = (text: string) => Buffer.from(text, 'latin1');
    // superagent would otherwise send a Buffer as JSON of its bytes.
    const asBytes = (body: Buffer) => body as unknown as string;

    it('in a JSON body', async () => {
      const before = await countRows('cases');
      const body = Buffer.concat([
        latin1('{"type":"extortion","platform":"taobao","title":"caf'),
        Buffer.from([0xe9, 0xff]),
        latin1('","description":"x","incidentAt":"2026-11-18T09:30:00Z"}'),
      ]);
      const response = await request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .set('Content-Type', 'application/json')
        .serialize(asBytes)
        .send(body);
      expect(expectProblem(response, 400).detail).toBe('The request body is not valid UTF-8.');
      expect(await countRows('cases')).toBe(before);
    });

    it('in a plain HTML form', async () => {
      const response = await request(t.http)
        .post('/v1/auth/login')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .serialize(asBytes)
        .send(
          Buffer.concat([latin1('email=li'), Buffer.from([0xc0, 0xaf]), latin1('@example.com')]),
        );
      expect(expectProblem(response, 400).detail).toBe('The request body is not valid UTF-8.');
    });

    it('takes Chinese text sent as UTF-8', async () => {
      const kase = await fileCase(t, seller, { title: '买家索要五十元删除差评' });
      expect(kase.id).toEqual(expect.any(String));
    });
  });

  describe('cursors that decode to values their column cannot hold are a 400', () => {
    const encoded = (value: unknown) =>
      Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
    const uuid = '6f0c2b1e-4a57-4c1a-9f3e-2d7b8c9a0e11';
    const farPast = encoded(['-271821-04-20T00:00:00.000Z', uuid]);
    const farFuture = encoded(['+275760-09-13T00:00:00.000Z', uuid]);

    it.each([
      ['/v1/cases', 'seller', farPast],
      ['/v1/cases', 'seller', farFuture],
      ['/v1/users', 'admin', farPast],
      ['/v1/api-keys', 'admin', farPast],
      ['/v1/me/activity', 'seller', farPast],
      ['/v1/campaigns', 'moderator', farPast],
      ['/v1/offenders', 'moderator', encoded([1e300, uuid])],
      ['/v1/offenders', 'moderator', encoded([-1, uuid])],
      ['/v1/identifiers/excluded', 'moderator', encoded([2 ** 31, uuid])],
      ['/v1/identifiers/excluded', 'moderator', encoded([1.5, uuid])],
    ])('GET %s as %s', async (route, who, cursor) => {
      const caller = { seller, admin, moderator }[who as 'seller' | 'admin' | 'moderator'];
      const problem = expectProblem(
        await request(t.http).get(`${route}?cursor=${cursor}`).set(bearer(caller)),
        400,
      );
      expect(problem.errors).toEqual([{ field: 'cursor', message: 'is not a valid cursor' }]);
    });

    it.each([
      ['messages', 's9999999999999999999'],
      ['timeline', 's9999999999999999999'],
      ['timeline', `s${2 ** 31}`],
    ])('GET /v1/cases/{id}/%s with %s', async (list, cursor) => {
      const kase = await fileCase(t, seller);
      const problem = expectProblem(
        await request(t.http)
          .get(`/v1/cases/${kase.id}/${list}?cursor=${encoded(cursor)}`)
          .set(bearer(seller)),
        400,
      );
      expect(problem.errors).toEqual([{ field: 'cursor', message: 'is not a valid cursor' }]);
    });
  });

  describe('names that deceive', () => {
    it.each([
      ['displayName', sellerSignUp({ displayName: 'Li Na\u202Egnp.exe' }), 'displayName'],
      [
        'shopName',
        sellerSignUp({
          shop: { platform: 'taobao', shopId: '58231977', shopName: 'Happy\u2066 Cards' },
        }),
        'shop.shopName',
      ],
    ])('refuses a %s with text-direction characters, naming it', async (_what, body, field) => {
      const users = await countRows('users');
      const problem = expectProblem(
        await request(t.http).post('/v1/auth/register').send(body),
        400,
      );
      expect(problem.errors.map((error: { field: string }) => error.field)).toEqual([field]);
      expect(await countRows('users')).toBe(users);
    });

    it('folds full-width look-alikes of ASCII into the letters they imitate', async () => {
      const shopId = freshShopId();
      const fullWidth = Array.from(shopId, (digit) =>
        String.fromCodePoint(digit.codePointAt(0)! + 0xfee0),
      ).join('');
      const registered = await request(t.http)
        .post('/v1/auth/register')
        .send(
          sellerSignUp({
            displayName: 'Ａｄｍｉｎ　Ｓｕｐｐｏｒｔ',
            shop: { platform: 'taobao', shopId: fullWidth, shopName: '小明ｓｈｏｐ' },
          }),
        )
        .expect(201);
      const me = await request(t.http)
        .get('/v1/me')
        .set(bearer({ accessToken: registered.body.accessToken }))
        .expect(200);
      expect(me.body.displayName).toBe('Admin Support');
      expect(me.body.shop).toEqual(
        expect.objectContaining({ shopId, shopName: '小明shop', verified: false }),
      );
    });
  });
});
