import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { QueueRankerService } from '../src/moderation/queue-ranker.service';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { extortionCase } from './factories/cases';
import { eventually } from './helpers/eventually';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestClock } from './helpers/test-clock';

const HOUR_MS = 3_600_000;

interface QueueItem {
  id: string;
  priority: number;
  status: string;
  terms: { term: string; points: number }[];
  badges: { repeatOffender: boolean; deadline: string | null };
  assignee: { id: string } | null;
}

// Other e2e files share the database; this file's cases are the only ones on this platform, and
// its identifiers are drawn per run.
const PLATFORM = 'etsy';
let qq = 50_000_000 + Math.floor(Math.random() * 9_000_000);
const newQq = () => String((qq += 1));

describe('the moderation queue', () => {
  const clock = new TestClock(new Date());
  let t: TestApp;
  let moderator: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    // Cases this platform kept from an earlier run would sit in this file's queue.
    await t.db.query(`UPDATE cases SET status = 'withdrawn' WHERE platform = $1`, [PLATFORM]);
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  });
  afterAll(() => t.app.close());

  const file = async (seller: SignedIn, overrides: Record<string, unknown>) => {
    const body = extortionCase({
      platform: PLATFORM,
      reported: [{ identifiers: [{ kind: 'qq', value: newQq() }] }],
      ...overrides,
    });
    const response = await request(t.http).post('/v1/cases').set(bearer(seller)).send(body);
    expect(response.status).toBe(201);
    return response.body as { id: string };
  };
  const queue = (query: Record<string, string> = {}) =>
    request(t.http)
      .get('/v1/moderation/queue')
      .query({ platform: PLATFORM, ...query })
      .set(bearer(moderator));
  const walk = async (query: Record<string, string> = {}): Promise<QueueItem[]> => {
    const items: QueueItem[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: QueueItem[]; nextCursor: string | null } } = await queue(
        cursor ? { ...query, cursor } : query,
      ).expect(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  };
  const rankedOnce = (caseIds: string[]) =>
    eventually(async () => {
      const items = await walk();
      for (const id of caseIds) {
        expect(items.find((item) => item.id === id)?.priority ?? 0).toBeGreaterThan(0);
      }
      return items;
    }, 30_000);

  it('puts the extortion with a deadline by a repeat offender against a new seller first, and says why', async () => {
    const veteran = await registerSeller(t);
    const newcomer = await registerSeller(t);
    const blackmailer = newQq();
    const named = { reported: [{ identifiers: [{ kind: 'qq', value: blackmailer }] }] };
    const deadline = new Date(clock.now().getTime() + 6 * HOUR_MS).toISOString();
    const urgent = await file(newcomer, {
      ...named,
      amountDemanded: { amount: '50.00', currency: 'CNY' },
      demandDeadline: deadline,
    });
    await file(veteran, named);
    const large = await file(veteran, { amountDemanded: { amount: '5000.00', currency: 'CNY' } });
    const review = await file(veteran, { type: 'malicious_review', amountDemanded: undefined });

    // Walks begun within a few seconds share one ranking (queue-walks.ts): it catches up.
    const items = await eventually(async () => {
      const walked = await walk();
      const terms = walked.find((item) => item.id === urgent.id)?.terms ?? [];
      expect(terms.map((term) => term.term)).toContain('repeat_offender');
      const ids = walked.map((item) => item.id);
      expect(ids.indexOf(urgent.id)).toBe(0);
      expect(ids.indexOf(large.id)).toBeLessThan(ids.indexOf(review.id));
      return walked;
    }, 30_000);

    const first = items[0];
    expect(first.badges.deadline).toBe(deadline);
    expect(first.terms.map((term) => term.term)).toEqual(
      expect.arrayContaining([
        'severity',
        'repeat_offender',
        'amount_demanded',
        'deadline',
        'new_seller',
      ]),
    );
    const sum = first.terms.reduce((total, term) => total + term.points, 0);
    expect(first.priority).toBeCloseTo(sum, 1);
  });

  it('walks the ranking it started with, whatever changes meanwhile: no case twice, none skipped', async () => {
    const seller = await registerSeller(t);
    const filed = [];
    for (let i = 0; i < 5; i += 1) filed.push(await file(seller, { title: `Walk case ${i}` }));
    await rankedOnce(filed.map((kase) => kase.id));
    // Once the jobs of earlier cases have settled, two walks in a row agree.
    const before = await eventually(async () => {
      const [one, two] = [await walk(), await walk()];
      expect(two.map((item) => item.id)).toEqual(one.map((item) => item.id));
      return two;
    });

    // Figures are shared for a few seconds (queue-figures-cache.ts): they catch up.
    await eventually(async () => {
      const figures = (await queue({ limit: '2' }).expect(200)).body.figures;
      expect(figures.pending).toBe(before.length);
    }, 15_000);
    const firstPage = await queue({ limit: '2' }).expect(200);
    expect(firstPage.body.counts).toEqual(expect.objectContaining({ open: expect.any(Number) }));
    const seen: string[] = firstPage.body.items.map((item: QueueItem) => item.id);

    // Mid-walk, the top case sinks: a moderator asks its seller for more.
    const top = before[0].id;
    await request(t.http).post(`/v1/cases/${top}/claim`).set(bearer(moderator)).expect(200);
    await request(t.http)
      .post(`/v1/cases/${top}/request-info`)
      .set(bearer(moderator))
      .send({ message: 'Please upload the order export.' })
      .expect(200);
    await eventually(async () => expect((await walk())[0].id).not.toBe(top));

    let cursor: string | null = firstPage.body.nextCursor;
    while (cursor) {
      const page = await queue({ limit: '2', cursor }).expect(200);
      expect(page.body.counts).toBeNull();
      seen.push(...page.body.items.map((item: QueueItem) => item.id));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(before.map((item) => item.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by assignee, status, type and repeat offender', async () => {
    const seller = await registerSeller(t);
    const mine = await file(seller, {});
    const review = await file(seller, { type: 'malicious_review', amountDemanded: undefined });
    await rankedOnce([mine.id, review.id]);
    await request(t.http).post(`/v1/cases/${mine.id}/claim`).set(bearer(moderator)).expect(200);

    const ids = async (query: Record<string, string>) => (await walk(query)).map((item) => item.id);
    expect(await ids({ assignee: 'me' })).toContain(mine.id);
    expect(await ids({ assignee: 'me' })).not.toContain(review.id);
    expect(await ids({ assignee: moderator.id })).toContain(mine.id);
    expect(await ids({ assignee: 'none' })).not.toContain(mine.id);
    expect(await ids({ assignee: 'none' })).toContain(review.id);
    expect(await ids({ status: 'in_review' })).toContain(mine.id);
    expect(await ids({ status: 'in_review' })).not.toContain(review.id);
    expect(await ids({ type: 'malicious_review' })).toEqual(expect.arrayContaining([review.id]));
    expect(await ids({ type: 'malicious_review' })).not.toContain(mine.id);
    for (const item of await walk({ repeatOffender: 'true' })) {
      expect(item.badges.repeatOffender).toBe(true);
    }
  });

  it('raises a case its seller answered, and sinks one waiting on the seller', async () => {
    const seller = await registerSeller(t);
    const kase = await file(seller, {});
    await rankedOnce([kase.id]);
    const priorityOf = async () => (await walk()).find((item) => item.id === kase.id)!.priority;
    const fresh = await priorityOf();
    await request(t.http).post(`/v1/cases/${kase.id}/claim`).set(bearer(moderator)).expect(200);
    await request(t.http)
      .post(`/v1/cases/${kase.id}/request-info`)
      .set(bearer(moderator))
      .send({ message: 'Please upload the whole chat.' })
      .expect(200);
    await eventually(async () => expect(await priorityOf()).toBeLessThan(fresh));
    await request(t.http)
      .post(`/v1/cases/${kase.id}/messages`)
      .set(bearer(seller))
      .send({ body: '已上传完整聊天记录。' })
      .expect(201);
    await eventually(async () => expect(await priorityOf()).toBeGreaterThan(fresh));
  });

  it('moves ranks with the clock through the scheduled job, not per request', async () => {
    const seller = await registerSeller(t);
    const kase = await file(seller, {});
    await rankedOnce([kase.id]);
    const waitingOf = async () =>
      (await walk())
        .find((item) => item.id === kase.id)!
        .terms.find((term) => term.term === 'waiting')?.points ?? 0;
    expect(await waitingOf()).toBe(0);
    clock.advance(5 * HOUR_MS);
    expect(await waitingOf()).toBe(0);
    await t.app.get(QueueRankerService).rankDueJob();
    expect(await waitingOf()).toBe(2);
  });

  it('refuses a forged cursor with 400 and an expired walk with 409', async () => {
    const forged = await queue({ cursor: 'not-a-cursor' });
    expect(expectProblem(forged, 400).errors).toEqual([
      { field: 'cursor', message: 'is not a cursor of this queue' },
    ]);
    const gone = Buffer.from(JSON.stringify({ w: randomUUID(), o: 50 })).toString('base64url');
    expect(expectProblem(await queue({ cursor: gone }), 409).detail).toMatch(/expired/);
    expectProblem(await queue({ assignee: 'someone' }), 400);
  });
});
