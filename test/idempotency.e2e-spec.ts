import request from 'supertest';
import { IdempotencySweeper } from '../src/common/idempotency/idempotency-sweeper.service';
import { bearer, registerSeller, SignedIn } from './factories/accounts';
import { extortionCase, fileCase } from './factories/cases';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

describe('Idempotency-Key on filing cases and posting messages', () => {
  let t: TestApp;
  let seller: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await registerSeller(t);
  });
  afterAll(() => t.app.close());

  const casesWithTitle = async (title: string) =>
    Number((await t.db.query('SELECT count(*) AS n FROM cases WHERE title = $1', [title]))[0].n);

  it('answers a replay with the first response and creates nothing more', async () => {
    const body = extortionCase({ title: 'Replayed filing' });
    const first = await request(t.http)
      .post('/v1/cases')
      .set(bearer(seller))
      .set('Idempotency-Key', '"filing-1"')
      .send(body)
      .expect(201);
    const again = await request(t.http)
      .post('/v1/cases')
      .set(bearer(seller))
      .set('Idempotency-Key', 'filing-1')
      .send({ ...body })
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await casesWithTitle('Replayed filing')).toBe(1);
  });

  it('refuses the same key with another body (422), and scopes keys to their caller', async () => {
    await request(t.http)
      .post('/v1/cases')
      .set(bearer(seller))
      .set('Idempotency-Key', 'filing-2')
      .send(extortionCase({ title: 'Keyed A' }))
      .expect(201);
    expectProblem(
      await request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .set('Idempotency-Key', 'filing-2')
        .send(extortionCase({ title: 'Keyed B' })),
      422,
    );
    expect(await casesWithTitle('Keyed B')).toBe(0);
    const stranger = await registerSeller(t);
    await request(t.http)
      .post('/v1/cases')
      .set(bearer(stranger))
      .set('Idempotency-Key', 'filing-2')
      .send(extortionCase({ title: 'Keyed B' }))
      .expect(201);
  });

  it('creates exactly one case from 100 concurrent identical requests', async () => {
    const body = extortionCase({ title: 'Hundred at once' });
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        request(t.http)
          .post('/v1/cases')
          .set(bearer(seller))
          .set('Idempotency-Key', 'burst-1')
          .send(body),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const created = new Set(
      responses.filter((response) => response.status === 201).map((response) => response.body.id),
    );
    expect(created.size).toBe(1);
    expect(await casesWithTitle('Hundred at once')).toBe(1);
    for (const response of responses.filter((r) => r.status === 409)) {
      expectProblem(response, 409);
      expect(response.headers['retry-after']).toBe('1');
    }
    const outbox = await t.db.query(
      // One row per job the event starts: one filing, one row that links it.
      `SELECT count(*)::int AS n FROM outbox
         WHERE event = 'case.created' AND job_name = 'intel.link-case' AND payload->>'caseId' = $1`,
      [[...created][0]],
    );
    expect(outbox[0].n).toBe(1);
  });

  it('lets a key be used again after a request that failed validation', async () => {
    expectProblem(
      await request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .set('Idempotency-Key', 'filing-3')
        .send(extortionCase({ incidentAt: '2999-01-01T00:00:00Z' })),
      422,
    );
    await request(t.http)
      .post('/v1/cases')
      .set(bearer(seller))
      .set('Idempotency-Key', 'filing-3')
      .send(extortionCase({ title: 'Fixed and resent' }))
      .expect(201);
  });

  it('replays a message post instead of posting it twice', async () => {
    const kase = await fileCase(t, seller);
    const post = () =>
      request(t.http)
        .post(`/v1/cases/${kase.id}/messages`)
        .set(bearer(seller))
        .set('Idempotency-Key', 'message-1')
        .send({ body: 'Only once' });
    const first = await post().expect(201);
    const second = await post().expect(201);
    expect(second.body.id).toBe(first.body.id);
    const [row] = await t.db.query('SELECT count(*) AS n FROM case_messages WHERE case_id = $1', [
      kase.id,
    ]);
    expect(Number(row.n)).toBe(1);
  });

  it('answers 409 while the first request still runs, and takes over one abandoned for 5 minutes', async () => {
    const body = extortionCase({ title: 'Stuck filing' });
    const send = () =>
      request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .set('Idempotency-Key', 'stuck-1')
        .send(body);
    const { requestFingerprint } = await import('../src/common/idempotency/fingerprint');
    const { StrictValidationPipe } = await import('../src/common/validation/validation.pipe');
    const { CreateCaseDto } = await import('../src/cases/case.dto');
    const dto = await new StrictValidationPipe().transform(body, {
      type: 'body',
      metatype: CreateCaseDto,
    });
    await t.db.query(
      `INSERT INTO idempotency_keys (owner, key, fingerprint, claim_token, state, expires_at)
       VALUES ($1, 'stuck-1', $2, gen_random_uuid(), 'running', now() + interval '1 day')`,
      [seller.id, requestFingerprint('POST /v1/cases', dto)],
    );
    const busy = await send();
    expectProblem(busy, 409);
    expect(busy.headers['retry-after']).toBe('1');
    expect(await casesWithTitle('Stuck filing')).toBe(0);

    await t.db.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '6 minutes'
        WHERE owner = $1 AND key = 'stuck-1'`,
      [seller.id],
    );
    await send().expect(201);
    expect(await casesWithTitle('Stuck filing')).toBe(1);
  });

  it('frees a key after its 24 hours', async () => {
    await request(t.http)
      .post('/v1/cases')
      .set(bearer(seller))
      .set('Idempotency-Key', 'old-1')
      .send(extortionCase({ title: 'Old key A' }))
      .expect(201);
    await t.db.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second'
        WHERE owner = $1 AND key = 'old-1'`,
      [seller.id],
    );
    const again = await request(t.http)
      .post('/v1/cases')
      .set(bearer(seller))
      .set('Idempotency-Key', 'old-1')
      .send(extortionCase({ title: 'Old key B' }))
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a message key reused with another body or on another case', async () => {
    const first = await fileCase(t, seller);
    const second = await fileCase(t, seller);
    const post = (caseId: string, text: string) =>
      request(t.http)
        .post(`/v1/cases/${caseId}/messages`)
        .set(bearer(seller))
        .set('Idempotency-Key', 'message-2')
        .send({ body: text });
    await post(first.id, 'One').expect(201);
    expectProblem(await post(first.id, 'Two'), 422);
    expectProblem(await post(second.id, 'One'), 422);
  });

  it('sweeps keys past their 24 hours and keeps the others', async () => {
    for (const key of ['sweep-old', 'sweep-new']) {
      await request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .set('Idempotency-Key', key)
        .send(extortionCase({ title: key }))
        .expect(201);
    }
    await t.db.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second'
        WHERE owner = $1 AND key = 'sweep-old'`,
      [seller.id],
    );
    expect(await t.app.get(IdempotencySweeper).sweep()).toBeGreaterThanOrEqual(1);
    const left = await t.db.query(
      `SELECT key FROM idempotency_keys WHERE owner = $1 AND key LIKE 'sweep-%'`,
      [seller.id],
    );
    expect(left.map((row: { key: string }) => row.key)).toEqual(['sweep-new']);
  });

  it('refuses a malformed key with 400', async () => {
    expectProblem(
      await request(t.http)
        .post('/v1/cases')
        .set(bearer(seller))
        .set('Idempotency-Key', 'x'.repeat(300))
        .send(extortionCase()),
      400,
    );
  });
});
