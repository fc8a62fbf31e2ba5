import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ClaimsService } from '../src/moderation/claims.service';
import {
  bearer,
  GOOD_PASSWORD,
  registerSeller,
  signedInAdmin,
  signIn,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { eventually } from './helpers/eventually';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestClock } from './helpers/test-clock';

const LEASE_MS = 30 * 60_000;
const DAY_MS = 86_400_000;
const decision = {
  outcome: 'upheld',
  summary: 'The chat screenshots show the demand for money.',
  actions: ['ban_recommended', 'review_removal_requested'],
};

describe('moderators working a case', () => {
  const clock = new TestClock(new Date());
  let t: TestApp;
  let admin: SignedIn;
  let seller: SignedIn;
  let wang: SignedIn;
  let zhao: SignedIn;

  const moderatorNamed = async (displayName: string): Promise<SignedIn> => {
    const email = `moderator-${randomUUID()}@example.com`;
    await request(t.http)
      .post('/v1/users')
      .set(bearer(admin))
      .send({ email, password: GOOD_PASSWORD, displayName, role: 'moderator' })
      .expect(201);
    return signIn(t, email, GOOD_PASSWORD);
  };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    admin = await signedInAdmin(t);
    seller = await registerSeller(t);
    wang = await moderatorNamed('Wang Fang');
    zhao = await moderatorNamed('Zhao Lei');
  });
  afterAll(() => t.app.close());

  // A QQ of its own: a case linked to others would change in the background, and its ETag with it.
  let qq = 40_000_000 + Math.floor(Math.random() * 9_000_000);
  const newCase = () =>
    fileCase(t, seller, {
      reported: [{ identifiers: [{ kind: 'qq', value: String((qq += 1)) }] }],
    });
  const act = (who: SignedIn, caseId: string, move: string, body: object = {}) =>
    request(t.http).post(`/v1/cases/${caseId}/${move}`).set(bearer(who)).send(body);
  const read = (who: SignedIn, caseId: string) =>
    request(t.http).get(`/v1/cases/${caseId}`).set(bearer(who)).expect(200);
  const timelineKinds = async (who: SignedIn, caseId: string) =>
    (
      await request(t.http).get(`/v1/cases/${caseId}/timeline`).set(bearer(who)).expect(200)
    ).body.items.map((item: { kind: string }) => item.kind);

  it('works a case from claim to decision, with the seller asked, answering and appealing', async () => {
    const kase = await newCase();

    const claimed = await act(wang, kase.id, 'claim').expect(200);
    expect(claimed.body.status).toBe('in_review');
    expect(claimed.body.assignment).toEqual({
      assignee: { id: wang.id, displayName: 'Wang Fang' },
      claimExpiresAt: new Date(clock.now().getTime() + LEASE_MS).toISOString(),
    });

    const unfilled = await act(wang, kase.id, 'request-info', {
      message: '您好 {{sellerName}}，请上传完整的聊天记录。',
    });
    expect(expectProblem(unfilled, 422).errors).toEqual([
      { field: 'message', message: 'fill in {{sellerName}}' },
    ]);
    const asked = await act(wang, kase.id, 'request-info', {
      message: '您好，请上传完整的聊天记录。',
    }).expect(200);
    expect(asked.body.status).toBe('awaiting_seller');

    const messages = await request(t.http)
      .get(`/v1/cases/${kase.id}/messages`)
      .set(bearer(seller))
      .expect(200);
    expect(messages.body.items.map((m: { body: string }) => m.body)).toEqual([
      '您好，请上传完整的聊天记录。',
    ]);
    await request(t.http)
      .post(`/v1/cases/${kase.id}/messages`)
      .set(bearer(seller))
      .send({ body: '已上传，谢谢。' })
      .expect(201);
    expect((await read(wang, kase.id)).body.status).toBe('in_review');

    expect(
      (await act(wang, kase.id, 'escalate', { reason: 'Same QQ in a police report' }).expect(200))
        .body.status,
    ).toBe('escalated');
    const resolved = await act(wang, kase.id, 'resolve', decision).expect(200);
    expect(resolved.body).toEqual(
      expect.objectContaining({ status: 'resolved', outcome: 'upheld', assignment: null }),
    );

    const sellerView = (await read(seller, kase.id)).body;
    expect(sellerView.resolution).toEqual({
      summary: decision.summary,
      actions: decision.actions,
      decidedAt: clock.now().toISOString(),
    });
    expect(sellerView.appealableUntil).toBe(
      new Date(clock.now().getTime() + 14 * DAY_MS).toISOString(),
    );
    expect(sellerView).not.toHaveProperty('priority');
    expect(sellerView).not.toHaveProperty('assignment');
    const sellerReads = await Promise.all(
      ['', '/timeline', '/messages', '/status'].map((path) =>
        request(t.http).get(`/v1/cases/${kase.id}${path}`).set(bearer(seller)).expect(200),
      ),
    );
    for (const answer of sellerReads) expect(JSON.stringify(answer.body)).not.toContain(wang.id);
    const sellerTimeline = await timelineKinds(seller, kase.id);
    expect(sellerTimeline).not.toContain('case_claimed');
    expect(sellerTimeline).not.toContain('note_added');

    const appealed = await act(seller, kase.id, 'appeal', { reason: '买家确实威胁了我' }).expect(
      200,
    );
    expect(appealed.body).toEqual(
      expect.objectContaining({
        status: 'in_review',
        outcome: null,
        resolution: null,
        appealableUntil: null,
      }),
    );
    expect(
      expectProblem(await act(seller, kase.id, 'appeal', { reason: 'again' }), 409).detail,
    ).toMatch(/appealed once/);
    expect((await read(wang, kase.id)).body.assignment).toBeNull();
    const badgesFor = async (who: SignedIn) => {
      for (let cursor: string | null = null; ;) {
        const page: { body: { items: { id: string; badges: object }[]; nextCursor: string } } =
          await request(t.http)
            .get('/v1/moderation/queue')
            .query({ status: 'in_review', limit: '200', ...(cursor ? { cursor } : {}) })
            .set(bearer(who))
            .expect(200);
        const item = page.body.items.find((entry) => entry.id === kase.id);
        if (item || !page.body.nextCursor) return item?.badges;
        cursor = page.body.nextCursor;
      }
    };
    await eventually(async () =>
      expect(await badgesFor(wang)).toEqual(
        expect.objectContaining({ appealed: true, yourDecisionAppealed: true }),
      ),
    );
    expect(await badgesFor(zhao)).toEqual(
      expect.objectContaining({ appealed: true, yourDecisionAppealed: false }),
    );
  });

  it('lets one moderator of ten claim a case at once; the others are told who holds it', async () => {
    const kase = await newCase();
    const moderators = [wang, zhao];
    for (let i = 0; i < 8; i += 1) moderators.push(await moderatorNamed(`Moderator ${i}`));
    const answers = await Promise.all(moderators.map((who) => act(who, kase.id, 'claim')));
    const won = answers.filter((answer) => answer.status === 200);
    expect(won).toHaveLength(1);
    const lost = answers.filter((answer) => answer.status === 409);
    expect(lost).toHaveLength(9);
    const holder = won[0].body.assignment.assignee.displayName as string;
    for (const answer of lost)
      expect(answer.body.detail).toContain(`${holder} holds this case until`);
    const claims = (await timelineKinds(wang, kase.id)).filter(
      (kind: string) => kind === 'case_claimed',
    );
    expect(claims).toHaveLength(1);
  });

  it('refuses a move without the claim, by someone else, or against a stale ETag', async () => {
    const kase = await newCase();
    expect(expectProblem(await act(wang, kase.id, 'resolve', decision), 409).detail).toBe(
      'Claim the case before acting on it.',
    );
    const claimed = await act(wang, kase.id, 'claim').expect(200);
    expect(
      expectProblem(await act(zhao, kase.id, 'escalate', { reason: 'x' }), 409).detail,
    ).toContain('Wang Fang holds this case until');

    const etag = claimed.headers.etag as string;
    await request(t.http)
      .post(`/v1/cases/${kase.id}/notes`)
      .set(bearer(wang))
      .send({ body: 'Checked the refund history.' })
      .expect(201);
    const stale = await request(t.http)
      .post(`/v1/cases/${kase.id}/resolve`)
      .set(bearer(wang))
      .set('If-Match', etag)
      .send(decision);
    expectProblem(stale, 412);
    expect((await read(wang, kase.id)).body.status).toBe('in_review');
    const fresh = (await read(wang, kase.id)).headers.etag as string;
    await request(t.http)
      .post(`/v1/cases/${kase.id}/resolve`)
      .set(bearer(wang))
      .set('If-Match', fresh)
      .send(decision)
      .expect(200);
  });

  it('answers an illegal move with 409 naming the legal ones', async () => {
    const kase = await newCase();
    const reopen = await act(wang, kase.id, 'reopen', { reason: 'no' });
    expect(expectProblem(reopen, 409).detail).toBe(
      'A case that is open cannot be moved by reopen; ' +
        'it allows start_review, request_info, escalate, resolve, merge, withdraw.',
    );
    await request(t.http).post(`/v1/cases/${kase.id}/withdraw`).set(bearer(seller)).expect(200);
    expectProblem(await act(wang, kase.id, 'claim'), 409);
    expectProblem(await act(seller, kase.id, 'appeal', { reason: 'x' }), 409);
  });

  it('extends a claim with its holder’s activity, lapses it when idle, and lets another take over', async () => {
    const kase = await newCase();
    await act(wang, kase.id, 'claim').expect(200);
    clock.advance(LEASE_MS - 60_000);
    await request(t.http)
      .post(`/v1/cases/${kase.id}/notes`)
      .set(bearer(wang))
      .send({ body: 'Still reading the order export.' })
      .expect(201);
    expect((await read(wang, kase.id)).body.assignment.claimExpiresAt).toBe(
      new Date(clock.now().getTime() + LEASE_MS).toISOString(),
    );
    clock.advance(LEASE_MS - 60_000);
    expectProblem(await act(zhao, kase.id, 'claim'), 409);

    clock.advance(2 * 60_000);
    const taken = await act(zhao, kase.id, 'claim').expect(200);
    expect(taken.body.assignment.assignee.displayName).toBe('Zhao Lei');

    clock.advance(LEASE_MS + 1);
    expect(await t.app.get(ClaimsService).lapse(clock.now())).toBeGreaterThanOrEqual(1);
    expect((await read(zhao, kase.id)).body.assignment).toBeNull();
    expect(await timelineKinds(zhao, kase.id)).toContain('claim_released');
  });

  it('refuses an appeal after the window, and assignment to anyone but active staff', async () => {
    const kase = await newCase();
    expectProblem(await act(wang, kase.id, 'assign', { moderatorId: seller.id }), 422);
    await act(wang, kase.id, 'assign', { moderatorId: zhao.id }).expect(200);
    await act(zhao, kase.id, 'resolve', {
      ...decision,
      outcome: 'rejected',
      actions: ['no_action'],
    }).expect(200);
    clock.advance(14 * DAY_MS + 1);
    expect(
      expectProblem(await act(seller, kase.id, 'appeal', { reason: 'late' }), 409).detail,
    ).toMatch(/window to appeal closed/);
    await act(wang, kase.id, 'reopen', { reason: 'The seller sent new evidence by email.' }).expect(
      200,
    );
    expect((await read(wang, kase.id)).body.assignment.assignee.id).toBe(wang.id);
  });

  it('gives a console one case in one call: evidence, reporter record, notes and the moves open now', async () => {
    const kase = await newCase();
    const console = (who: SignedIn) =>
      request(t.http).get(`/v1/moderation/cases/${kase.id}`).set(bearer(who)).expect(200);
    const unclaimed = await console(wang);
    expect(unclaimed.body.openMoves).toEqual(['claim', 'assign']);
    expect(unclaimed.headers.etag).toBe((await read(wang, kase.id)).headers.etag);

    await act(wang, kase.id, 'claim').expect(200);
    await act(wang, kase.id, 'escalate', { reason: 'Police report filed' }).expect(200);
    const mine = (await console(wang)).body;
    expect(mine.openMoves).toEqual([
      'claim',
      'release',
      'assign',
      'request_info',
      'resolve',
      'merge',
    ]);
    expect((await console(zhao)).body.openMoves).toEqual([]);
    expect(mine.case).toEqual(expect.objectContaining({ id: kase.id, status: 'escalated' }));
    expect(mine.notes.map((note: { data: { body: string } }) => note.data.body)).toEqual([
      'Escalated: Police report filed',
    ]);
    expect(mine.timeline.items.length).toBeGreaterThanOrEqual(4);
    expect(mine.evidence).toEqual([]);
    expect(mine.reporter).toEqual(
      expect.objectContaining({ filed: expect.any(Number), open: expect.any(Number) }),
    );
    const [{ filed }] = await t.db.query(
      'SELECT count(*)::int AS filed FROM cases WHERE seller_id = $1',
      [seller.id],
    );
    expect(mine.reporter.filed).toBe(filed);
  });

  it('never shows a note to the seller, through any route a seller may call', async () => {
    const kase = await newCase();
    const marker = `internal-${randomUUID()}`;
    await act(wang, kase.id, 'claim').expect(200);
    await request(t.http)
      .post(`/v1/cases/${kase.id}/notes`)
      .set(bearer(wang))
      .send({ body: `Seller's story does not match the order export ${marker}` })
      .expect(201);
    await act(wang, kase.id, 'escalate', { reason: `Looks staged ${marker}` }).expect(200);
    const sellerRoutes = [
      `/v1/cases/${kase.id}`,
      `/v1/cases/${kase.id}/status`,
      `/v1/cases/${kase.id}/timeline`,
      `/v1/cases/${kase.id}/messages`,
      `/v1/cases/${kase.id}/evidence`,
      `/v1/cases?q=${encodeURIComponent(kase.reference)}`,
      '/v1/cases',
      '/v1/me/activity',
    ];
    for (const path of sellerRoutes) {
      const answer = await request(t.http).get(path).set(bearer(seller)).expect(200);
      expect(JSON.stringify(answer.body)).not.toContain(marker);
    }
    const staffTimeline = await request(t.http)
      .get(`/v1/cases/${kase.id}/timeline`)
      .set(bearer(wang))
      .expect(200);
    expect(JSON.stringify(staffTimeline.body)).toContain(marker);
  });

  it('refuses a note over its limit with 422 and writes nothing', async () => {
    const kase = await newCase();
    const before = (await request(t.http).get(`/v1/cases/${kase.id}/timeline`).set(bearer(wang)))
      .body.items.length;
    const refused = await request(t.http)
      .post(`/v1/cases/${kase.id}/notes`)
      .set(bearer(wang))
      .send({ body: '长'.repeat(5_001) });
    expect(expectProblem(refused, 422).errors[0].field).toBe('body');
    const after = (await request(t.http).get(`/v1/cases/${kase.id}/timeline`).set(bearer(wang)))
      .body.items.length;
    expect(after).toBe(before);
  });
});
