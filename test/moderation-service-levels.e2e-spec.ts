import request from 'supertest';
import { ServiceLevelsService } from '../src/moderation/service-levels.service';
import { QueueRankerService } from '../src/moderation/queue-ranker.service';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { startTestApp, TestApp } from './helpers/test-app';
import { TestClock } from './helpers/test-clock';

const HOUR_MS = 3_600_000;
let qq = 70_000_000 + Math.floor(Math.random() * 9_000_000);

describe('service levels', () => {
  const clock = new TestClock(new Date());
  let t: TestApp;
  let moderator: SignedIn;
  let seller: SignedIn;

  beforeAll(async () => {
    // Extortion: first answer within 4 h, decision within 48 h.
    t = await startTestApp({}, { clock });
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
    seller = await registerSeller(t);
  });
  afterAll(() => t.app.close());

  const newCase = (overrides: Record<string, unknown> = {}) =>
    fileCase(t, seller, {
      reported: [{ identifiers: [{ kind: 'qq', value: String((qq += 1)) }] }],
      ...overrides,
    });
  const asStaff = async (caseId: string) =>
    (await request(t.http).get(`/v1/cases/${caseId}`).set(bearer(moderator)).expect(200)).body;
  /** Every item of the queue under `filter`, page after page. */
  const walkQueue = async (filter: string) => {
    const items: { id: string; terms: unknown[] }[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/v1/moderation/queue?${filter}&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await request(t.http).get(path).set(bearer(moderator)).expect(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  };
  const check = () => t.app.get(ServiceLevelsService).check(clock.now());
  const internalKinds = async (caseId: string) =>
    (
      await request(t.http).get(`/v1/cases/${caseId}/timeline`).set(bearer(moderator)).expect(200)
    ).body.items.map((item: { kind: string }) => item.kind);

  it('sets each case’s due times by its type, and before an extortion’s deadline', async () => {
    const filedAt = clock.now().getTime();
    const plain = await asStaff((await newCase()).id);
    expect(plain.serviceLevel).toEqual({
      firstResponseDueAt: new Date(filedAt + 4 * HOUR_MS).toISOString(),
      firstResponseAt: null,
      resolutionDueAt: new Date(filedAt + 48 * HOUR_MS).toISOString(),
      breached: false,
    });
    const deadline = new Date(filedAt + 3 * HOUR_MS).toISOString();
    const pressed = await asStaff((await newCase({ demandDeadline: deadline })).id);
    expect(pressed.serviceLevel.firstResponseDueAt).toBe(deadline);
    expect(pressed.serviceLevel.resolutionDueAt).toBe(deadline);
    const asSeller = await request(t.http)
      .get(`/v1/cases/${plain.id}`)
      .set(bearer(seller))
      .expect(200);
    expect(asSeller.body).not.toHaveProperty('serviceLevel');
  });

  it('marks a case nobody answered in time, escalates it, and ranks it up; once', async () => {
    const kase = await newCase();
    const answered = await newCase();
    await request(t.http).post(`/v1/cases/${answered.id}/claim`).set(bearer(moderator)).expect(200);
    clock.advance(5 * HOUR_MS);
    expect(await check()).toBeGreaterThanOrEqual(1);

    const late = await asStaff(kase.id);
    expect(late.status).toBe('escalated');
    expect(late.serviceLevel.breached).toBe(true);
    expect(await internalKinds(kase.id)).toContain('service_levels_breached');
    const onTime = await asStaff(answered.id);
    expect(onTime.status).toBe('in_review');
    expect(onTime.serviceLevel).toEqual(
      expect.objectContaining({ firstResponseAt: expect.any(String), breached: false }),
    );

    await t.app.get(QueueRankerService).rank([kase.id], clock.now());
    const breached = await walkQueue('breached=true');
    const item = breached.find((entry) => entry.id === kase.id);
    expect(item?.terms).toEqual(
      expect.arrayContaining([{ term: 'service_level', points: 25, detail: 'passed' }]),
    );
    expect(breached.some((entry) => entry.id === answered.id)).toBe(false);

    const before = (await internalKinds(kase.id)).length;
    await check();
    expect((await internalKinds(kase.id)).length).toBe(before);
  });

  it('holds an answered case to its decision, and gives a reopened one new time', async () => {
    const kase = await newCase();
    await request(t.http).post(`/v1/cases/${kase.id}/claim`).set(bearer(moderator)).expect(200);
    clock.advance(49 * HOUR_MS);
    await check();
    const overdue = await asStaff(kase.id);
    expect(overdue.status).toBe('escalated');
    expect(overdue.serviceLevel.breached).toBe(true);

    await request(t.http).post(`/v1/cases/${kase.id}/claim`).set(bearer(moderator)).expect(200);
    await request(t.http)
      .post(`/v1/cases/${kase.id}/resolve`)
      .set(bearer(moderator))
      .send({ outcome: 'upheld', summary: 'Demand shown in the chat.', actions: ['no_action'] })
      .expect(200);
    await request(t.http)
      .post(`/v1/cases/${kase.id}/reopen`)
      .set(bearer(moderator))
      .send({ reason: 'New screenshots.' })
      .expect(200);
    const reopened = await asStaff(kase.id);
    expect(reopened.serviceLevel.resolutionDueAt).toBe(
      new Date(clock.now().getTime() + 48 * HOUR_MS).toISOString(),
    );
    expect(reopened.serviceLevel.breached).toBe(false);
  });
});
