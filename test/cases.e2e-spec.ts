import request from 'supertest';
import { eventually } from './helpers/eventually';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { extortionCase, fileCase } from './factories/cases';
import { expectProblem, fieldsOf } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

describe('seller cases', () => {
  let t: TestApp;
  let seller: SignedIn;
  let otherSeller: SignedIn;
  let moderator: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await registerSeller(t);
    otherSeller = await registerSeller(t);
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  });
  afterAll(() => t.app.close());

  const countCases = async () => Number((await t.db.query('SELECT count(*) AS n FROM cases'))[0].n);

  it('files a case from JSON with canonical identifiers, exact money and guidance', async () => {
    const response = await request(t.http)
      .post('/v1/cases')
      .set(bearer(seller))
      .send(extortionCase({ amountPaid: { amount: '20', currency: 'cny' } }))
      .expect(201);
    const body = response.body;
    expect(body).toEqual(
      expect.objectContaining({
        reference: expect.stringMatching(/^BW-[2-9A-HJKMNP-TV-Z]{6}$/),
        status: 'open',
        type: 'extortion',
        amountDemanded: { amount: '50.00', currency: 'CNY' },
        amountPaid: { amount: '20.00', currency: 'CNY' },
        orderIds: ['3318827765001'],
        evidence: [],
      }),
    );
    expect(response.headers.location).toBe(`/v1/cases/${body.id}`);
    expect(body.reported[0].identifiers).toEqual([
      {
        kind: 'platform_account',
        value: 'tb_buyer_8812',
        display: 'tb_buyer_8812',
        platform: 'taobao',
      },
      { kind: 'qq', value: '2847561923', display: '2847561923' },
      { kind: 'phone', value: '+8613800138000', display: '138 0013 8000' },
    ]);
    expect(body.guidance).toEqual(expect.objectContaining({ platform: 'taobao' }));
    const [row] = await t.db.query(
      `SELECT amount_demanded::text AS demanded FROM cases WHERE id = $1`,
      [body.id],
    );
    expect(row.demanded).toBe('50.00');
    const outbox = await t.db.query(
      `SELECT event, job_name AS job FROM outbox WHERE payload->>'caseId' = $1 ORDER BY job_name`,
      [body.id],
    );
    expect(outbox).toEqual([
      { event: 'case.created', job: 'intel.link-case' },
      { event: 'case.created', job: 'moderation.rank-case' },
    ]);
  });

  it('names the filing seller and their shop to staff only', async () => {
    const shopOwner = await registerSeller(t, {
      displayName: '王小明',
      shop: { platform: 'pinduoduo', shopId: 'pdd-770312', shopName: '小明数码店' },
    });
    const kase = await fileCase(t, shopOwner);
    const staffView = await request(t.http)
      .get(`/v1/cases/${kase.id}`)
      .set(bearer(moderator))
      .expect(200);
    expect(staffView.body.seller).toEqual({
      id: shopOwner.id,
      displayName: '王小明',
      shop: {
        id: expect.any(String),
        platform: 'pinduoduo',
        shopId: 'pdd-770312',
        shopName: '小明数码店',
        verified: false,
      },
    });
    const sellerView = await request(t.http)
      .get(`/v1/cases/${kase.id}`)
      .set(bearer(shopOwner))
      .expect(200);
    expect(sellerView.body).not.toHaveProperty('seller');
  });

  it('stores the same identifier from two sellers on one row', async () => {
    const first = await fileCase(t, seller);
    const second = await fileCase(t, otherSeller, {
      reported: [{ identifiers: [{ kind: 'qq', value: ' 2847561923 ' }] }],
    });
    const rows = await t.db.query(
      `SELECT DISTINCT s.identifier_id FROM sightings s JOIN identifiers i ON i.id = s.identifier_id
        WHERE i.kind = 'qq' AND s.case_id = ANY($1)`,
      [[first.id, second.id]],
    );
    expect(rows).toHaveLength(1);
  });

  it('files the same case from a plain HTML form (multipart)', async () => {
    const response = await request(t.http)
      .post('/v1/cases')
      .set(bearer(seller))
      .field('type', 'extortion')
      .field('platform', 'taobao')
      .field('title', 'Form filing')
      .field('description', '')
      .field('amountDemanded', '50')
      .field('currency', 'CNY')
      .field('qq', '2847561923')
      .field('phone', '13800138000')
      .field('phone', '+1 415 555 2671')
      .field('platformAccount', 'tb_buyer_8812')
      .field('orderId', '3318827765001')
      .expect(201);
    expect(response.body.amountDemanded).toEqual({ amount: '50.00', currency: 'CNY' });
    expect(response.body.reported[0].identifiers.map((i: { value: string }) => i.value)).toEqual([
      'tb_buyer_8812',
      '2847561923',
      '+8613800138000',
      '+14155552671',
    ]);
  });

  it('files from a urlencoded form too', async () => {
    await request(t.http)
      .post('/v1/cases')
      .set(bearer(seller))
      .type('form')
      .send({ type: 'malicious_review', platform: 'jd', title: 'One-star wave', qq: '12345' })
      .expect(201);
  });

  it('rejects the same bad QQ from JSON and from a form, naming the field, storing nothing', async () => {
    const before = await countCases();
    const json = expectProblem(
      await request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .send(
          extortionCase({
            reported: [
              {
                identifiers: [
                  { kind: 'phone', value: '13800138000' },
                  { kind: 'qq', value: '0123' },
                ],
              },
            ],
          }),
        ),
      422,
    );
    expect(fieldsOf(json)).toEqual(['reported[0].identifiers[1].value']);
    const form = expectProblem(
      await request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .field('type', 'extortion')
        .field('platform', 'taobao')
        .field('title', 'x')
        .field('qq', '0123'),
      422,
    );
    expect(fieldsOf(form)).toEqual(['qq']);
    expect(form.errors[0].message).toBe(json.errors[0].message);
    expect(await countCases()).toBe(before);
  });

  it.each([
    ['a wrong type', { title: 42 }, 400, ['title']],
    ['a missing title', { title: undefined }, 400, ['title']],
    ['an unknown field', { secret: 1 }, 400, ['secret']],
    ['an over-long title', { title: 'x'.repeat(201) }, 422, ['title']],
    ['an over-long description', { description: 'x'.repeat(10_001) }, 422, ['description']],
    [
      'eleven reported parties',
      {
        reported: Array.from({ length: 11 }, () => ({
          identifiers: [{ kind: 'qq', value: '12345' }],
        })),
      },
      422,
      ['reported'],
    ],
    [
      'a currency code too long',
      { amountDemanded: { amount: '5', currency: 'CNYY' } },
      422,
      ['amountDemanded.currency'],
    ],
    [
      'a zero amount demanded',
      { amountDemanded: { amount: '0', currency: 'CNY' } },
      422,
      ['amountDemanded.amount'],
    ],
    [
      'a paid amount in another currency',
      { amountPaid: { amount: '5', currency: 'USD' } },
      422,
      ['amountPaid.currency'],
    ],
    [
      'an incident time without an offset',
      { incidentAt: '2026-11-18T09:30:00' },
      400,
      ['incidentAt'],
    ],
    ['an impossible date', { incidentAt: '2026-02-30T09:30:00Z' }, 400, ['incidentAt']],
    ['a week date', { incidentAt: '2026-W47' }, 400, ['incidentAt']],
    [
      'an unknown nested field',
      { amountDemanded: { amount: '5', currency: 'CNY', tip: 1 } },
      400,
      ['amountDemanded.tip'],
    ],
    [
      'a payment account without its provider',
      { reported: [{ identifiers: [{ kind: 'payment_account', value: 'a@b.com' }] }] },
      422,
      ['reported[0].identifiers[0].provider'],
    ],
    ['an unknown case type', { type: 'fraud' }, 400, ['type']],
    [
      'a thousand identifiers in one party',
      {
        reported: [
          {
            identifiers: Array.from({ length: 1000 }, (_, i) => ({
              kind: 'qq',
              value: String(10000 + i),
            })),
          },
        ],
      },
      422,
      ['reported[0].identifiers'],
    ],
    [
      'money with three decimals',
      { amountDemanded: { amount: '50.001', currency: 'CNY' } },
      422,
      ['amountDemanded.amount'],
    ],
    [
      'a negative amount',
      { amountDemanded: { amount: '-5', currency: 'CNY' } },
      422,
      ['amountDemanded.amount'],
    ],
    [
      'money as a number',
      { amountDemanded: { amount: 50, currency: 'CNY' } },
      400,
      ['amountDemanded.amount'],
    ],
    [
      'a currency that does not exist',
      { amountDemanded: { amount: '5', currency: 'XYZ' } },
      422,
      ['amountDemanded.currency'],
    ],
    ['an incident in the future', { incidentAt: '2999-01-01T00:00:00Z' }, 422, ['incidentAt']],
    [
      'a malformed email',
      { reported: [{ identifiers: [{ kind: 'email', value: 'not-an-email' }] }] },
      422,
      ['reported[0].identifiers[0].value'],
    ],
    [
      'a malformed phone',
      { reported: [{ identifiers: [{ kind: 'phone', value: '12' }] }] },
      422,
      ['reported[0].identifiers[0].value'],
    ],
  ])('refuses %s and stores nothing', async (_name, overrides, status, fields) => {
    const before = await countCases();
    const problem = expectProblem(
      await request(t.http).post('/v1/cases').set(bearer(seller)).send(extortionCase(overrides)),
      status,
    );
    expect([...new Set(fieldsOf(problem))]).toEqual(fields);
    expect(await countCases()).toBe(before);
  });

  it('refuses a form with too many fields with 413', async () => {
    let form = request(t.http).post('/v1/cases').set(bearer(seller)).field('type', 'other');
    for (let i = 0; i < 250; i += 1) form = form.field('qq', String(10000 + i));
    expectProblem(await form, 413);
  });

  it('refuses deeply nested field names in a form with 413, and files nothing', async () => {
    const before = await countCases();
    const nested = expectProblem(
      await request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .field('type', 'other')
        .field('platform', 'jd')
        .field('title', 'Nested')
        .field('qq[a][b][c][d]', '2847561923'),
      413,
    );
    expect(nested.detail).toMatch(/at most 1 level deep; qq\[a\]\[b\]\[c\]\[d\] nests 4/);
    expectProblem(
      await request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .type('form')
        .send('type=other&platform=jd&title=Nested&qq[a][b]=2847561923'),
      413,
    );
    expect(await countCases()).toBe(before);
  });

  it('refuses an oversized JSON body with 413', async () => {
    expectProblem(
      await request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .send(extortionCase({ description: 'x'.repeat(200_000) })),
      413,
    );
  });

  it.each([
    ['an unknown form field', { secret: 'x' }, 400, ['secret']],
    ['a single field given twice', { title: ['a', 'b'] }, 400, ['title']],
    ['a bad currency', { amountDemanded: '50', currency: 'XYZ' }, 422, ['currency']],
    ['three decimals', { amountDemanded: '50.001', currency: 'CNY' }, 422, ['amountDemanded']],
    [
      'a payment account without its provider',
      { paymentAccount: 'a@b.com' },
      422,
      ['paymentProvider'],
    ],
    ['a second phone that is not one', { phone: ['13800138000', '12'] }, 422, ['phone[1]']],
  ])('refuses a form with %s, naming the form field', async (_name, extra, status, fields) => {
    const before = await countCases();
    let form = request(t.http)
      .post('/v1/cases')
      .set(bearer(seller))
      .field('type', 'extortion')
      .field('platform', 'taobao');
    const fieldsToSend: Record<string, string | string[]> = { title: 'Form errors', ...extra };
    for (const [name, value] of Object.entries(fieldsToSend)) {
      for (const item of Array.isArray(value) ? value : [value]) form = form.field(name, item);
    }
    const problem = expectProblem(await form, status);
    expect([...new Set(fieldsOf(problem))]).toEqual(fields);
    expect(await countCases()).toBe(before);
  });

  it('refuses a bad cursor and a page size over the limit', async () => {
    expectProblem(await request(t.http).get('/v1/cases?cursor=garbage').set(bearer(seller)), 400);
    expectProblem(await request(t.http).get('/v1/cases?limit=201').set(bearer(seller)), 422);
    const kase = await fileCase(t, seller);
    expectProblem(
      await request(t.http).get(`/v1/cases/${kase.id}/timeline?cursor=garbage`).set(bearer(seller)),
      400,
    );
  });

  it('withdraws exactly once when two withdrawals race', async () => {
    const kase = await fileCase(t, seller);
    const responses = await Promise.all(
      [1, 2].map(() => request(t.http).post(`/v1/cases/${kase.id}/withdraw`).set(bearer(seller))),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const events = await t.db.query(
      `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND kind = 'withdrawn'`,
      [kase.id],
    );
    expect(events[0].n).toBe(1);
  });

  it('refuses an over-long message with 422 and posts nothing', async () => {
    const kase = await fileCase(t, seller);
    expectProblem(
      await request(t.http)
        .post(`/v1/cases/${kase.id}/messages`)
        .set(bearer(seller))
        .send({ body: 'x'.repeat(5001) }),
      422,
    );
    const [row] = await t.db.query(
      'SELECT count(*)::int AS n FROM case_messages WHERE case_id = $1',
      [kase.id],
    );
    expect(row.n).toBe(0);
  });

  it('refuses a body that is neither JSON nor a form with 415', async () => {
    expectProblem(
      await request(t.http).post('/v1/cases').set(bearer(seller)).type('text/plain').send('hi'),
      415,
    );
  });

  it('lists a seller’s own cases newest first, with filters and cursors', async () => {
    const mine = await registerSeller(t);
    const a = await fileCase(t, mine, { title: 'First blackmail' });
    const b = await fileCase(t, mine, { type: 'malicious_review', title: 'Review bomb' });
    const c = await fileCase(t, mine, { title: 'Second blackmail' });
    await fileCase(t, otherSeller, { title: 'Not yours blackmail' });
    const page1 = await request(t.http).get('/v1/cases?limit=2').set(bearer(mine)).expect(200);
    expect(page1.body.items.map((item: { id: string }) => item.id)).toEqual([c.id, b.id]);
    const page2 = await request(t.http)
      .get(`/v1/cases?limit=2&cursor=${page1.body.nextCursor}`)
      .set(bearer(mine))
      .expect(200);
    expect(page2.body.items.map((item: { id: string }) => item.id)).toEqual([a.id]);
    expect(page2.body.nextCursor).toBeNull();
    const reviews = await request(t.http).get('/v1/cases?type=malicious_review').set(bearer(mine));
    expect(reviews.body.items.map((item: { id: string }) => item.id)).toEqual([b.id]);
    const text = await request(t.http).get('/v1/cases?q=blackmail').set(bearer(mine));
    expect(text.body.items.map((item: { id: string }) => item.id)).toEqual([c.id, a.id]);
    expectProblem(await request(t.http).get('/v1/cases?status=lost').set(bearer(mine)), 400);
  });

  it('reads a case by id or reference, and answers 404 to another seller', async () => {
    const kase = await fileCase(t, seller);
    const byId = await request(t.http).get(`/v1/cases/${kase.id}`).set(bearer(seller)).expect(200);
    expect(byId.headers.etag).toBeDefined();
    await request(t.http)
      .get(`/v1/cases/${kase.id}`)
      .set(bearer(seller))
      .set('If-None-Match', byId.headers.etag)
      .expect(304);
    const byReference = await request(t.http)
      .get(`/v1/cases/${kase.reference.toLowerCase()}`)
      .set(bearer(seller))
      .expect(200);
    expect(byReference.body.id).toBe(kase.id);
    await request(t.http).get(`/v1/cases/${kase.id}`).set(bearer(moderator)).expect(200);
    for (const path of [kase.id, kase.reference]) {
      for (const route of ['', '/messages', '/timeline', '/status']) {
        expectProblem(
          await request(t.http).get(`/v1/cases/${path}${route}`).set(bearer(otherSeller)),
          404,
        );
      }
      expectProblem(
        await request(t.http)
          .post(`/v1/cases/${path}/messages`)
          .set(bearer(otherSeller))
          .send({ body: 'hi' }),
        404,
      );
      expectProblem(
        await request(t.http).post(`/v1/cases/${path}/withdraw`).set(bearer(otherSeller)),
        404,
      );
    }
    expectProblem(await request(t.http).get('/v1/cases/BW-ZZZZZZ').set(bearer(seller)), 404);
    expectProblem(await request(t.http).get(`/v1/cases/${kase.id}`), 401);
  });

  it('keeps filing to sellers and every case route to signed-in callers', async () => {
    expectProblem(
      await request(t.http).post('/v1/cases').set(bearer(moderator)).send(extortionCase()),
      403,
    );
    expectProblem(await request(t.http).post('/v1/cases').send(extortionCase()), 401);
    const kase = await fileCase(t, seller);
    for (const path of [
      '/v1/cases',
      `/v1/cases/${kase.id}`,
      `/v1/cases/${kase.id}/messages`,
      `/v1/cases/${kase.id}/timeline`,
      `/v1/cases/${kase.id}/status`,
    ]) {
      expectProblem(await request(t.http).get(path), 401);
    }
    for (const path of ['messages', 'notes', 'withdraw']) {
      expectProblem(
        await request(t.http).post(`/v1/cases/${kase.id}/${path}`).send({ body: 'x' }),
        401,
      );
    }
  });

  it('shows moderators every seller’s cases', async () => {
    const mine = await fileCase(t, seller, { title: 'Seen by staff' });
    const theirs = await fileCase(t, otherSeller, { title: 'Seen by staff' });
    const list = await request(t.http)
      .get('/v1/cases?q=Seen%20by%20staff')
      .set(bearer(moderator))
      .expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([theirs.id, mine.id]);
    const own = await request(t.http)
      .get('/v1/cases?q=Seen%20by%20staff')
      .set(bearer(seller))
      .expect(200);
    expect(own.body.items.map((item: { id: string }) => item.id)).toEqual([mine.id]);
  });

  it('lets the seller withdraw an unresolved case once, and never a resolved one', async () => {
    const kase = await fileCase(t, seller);
    expectProblem(
      await request(t.http).post(`/v1/cases/${kase.id}/withdraw`).set(bearer(moderator)),
      403,
    );
    const withdrawn = await request(t.http)
      .post(`/v1/cases/${kase.id}/withdraw`)
      .set(bearer(seller))
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expectProblem(
      await request(t.http).post(`/v1/cases/${kase.id}/withdraw`).set(bearer(seller)),
      409,
    );
    expectProblem(
      await request(t.http)
        .post(`/v1/cases/${kase.id}/messages`)
        .set(bearer(seller))
        .send({ body: 'hello?' }),
      409,
    );

    const resolved = await fileCase(t, seller);
    await t.db.query(`UPDATE cases SET status = 'resolved', outcome = 'upheld' WHERE id = $1`, [
      resolved.id,
    ]);
    expectProblem(
      await request(t.http).post(`/v1/cases/${resolved.id}/withdraw`).set(bearer(seller)),
      409,
    );
    const [row] = await t.db.query('SELECT status FROM cases WHERE id = $1', [resolved.id]);
    expect(row.status).toBe('resolved');
  });

  it('carries a conversation, and shows the seller only seller-visible events', async () => {
    const kase = await fileCase(t, seller);
    await request(t.http)
      .post(`/v1/cases/${kase.id}/messages`)
      .set(bearer(moderator))
      .send({ body: 'Please upload the QQ chat.' })
      .expect(201);
    await t.db.query(`UPDATE cases SET status = 'awaiting_seller' WHERE id = $1`, [kase.id]);
    const answer = await request(t.http)
      .post(`/v1/cases/${kase.id}/messages`)
      .set(bearer(seller))
      .send({ body: '  Here it is.  ' })
      .expect(201);
    expect(answer.body).toEqual(
      expect.objectContaining({
        body: 'Here it is.',
        author: expect.objectContaining({ role: 'seller' }),
      }),
    );
    await request(t.http)
      .post(`/v1/cases/${kase.id}/notes`)
      .set(bearer(moderator))
      .send({ body: 'Same QQ as BW-OTHER' })
      .expect(201);
    expectProblem(
      await request(t.http)
        .post(`/v1/cases/${kase.id}/notes`)
        .set(bearer(seller))
        .send({ body: 'x' }),
      403,
    );

    const messages = await request(t.http).get(`/v1/cases/${kase.id}/messages`).set(bearer(seller));
    expect(messages.body.items.map((m: { body: string }) => m.body)).toEqual([
      'Please upload the QQ chat.',
      'Here it is.',
    ]);
    const sellerTimeline = await request(t.http)
      .get(`/v1/cases/${kase.id}/timeline`)
      .set(bearer(seller))
      .expect(200);
    const kinds = sellerTimeline.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['case_created', 'message_posted', 'status_changed']),
    );
    expect(kinds).not.toContain('note_added');
    const staffTimeline = await request(t.http)
      .get(`/v1/cases/${kase.id}/timeline`)
      .set(bearer(moderator));
    expect(staffTimeline.body.items.map((e: { kind: string }) => e.kind)).toContain('note_added');
    const [row] = await t.db.query('SELECT status FROM cases WHERE id = $1', [kase.id]);
    expect(row.status).toBe('in_review');
    expectProblem(
      await request(t.http)
        .post(`/v1/cases/${kase.id}/messages`)
        .set(bearer(seller))
        .send({ body: '' }),
      400,
    );
  });

  it('serves the status to an API key with cases:read, with 304 on If-None-Match', async () => {
    const kase = await fileCase(t, seller);
    const admin = await signedInAdmin(t);
    const { body: key } = await request(t.http)
      .post('/v1/api-keys')
      .set(bearer(admin))
      .send({ name: 'Back office', scopes: ['cases:read'] })
      .expect(201);
    // The case's background jobs (linking, ranking) change its ETag; once they are done, it holds.
    await eventually(async () => {
      const status = await request(t.http)
        .get(`/v1/cases/${kase.reference}/status`)
        .set('X-API-Key', key.key)
        .expect(200);
      expect(status.body).toEqual(
        expect.objectContaining({
          id: kase.id,
          reference: kase.reference,
          status: 'open',
          outcome: null,
        }),
      );
      await request(t.http)
        .get(`/v1/cases/${kase.id}/status`)
        .set('X-API-Key', key.key)
        .set('If-None-Match', status.headers.etag)
        .expect(304);
    });
    expectProblem(await request(t.http).get(`/v1/cases/${kase.id}`).set('X-API-Key', key.key), 403);
    await request(t.http).get(`/v1/cases/${kase.id}/status`).set(bearer(seller)).expect(200);
  });
});
