import request from 'supertest';
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
