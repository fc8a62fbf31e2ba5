import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { JOBS_OF_EVENT, OutboxEvent, QueueName } from '../src/jobs/job-names';
import { CaseWriter } from '../src/cases/case-writer';
import { CasesRepository } from '../src/cases/cases.repository';
import {
  bearer,
  registerSeller,
  SignedIn,
  signedInAdmin,
  signedInStaff,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { eventually } from './helpers/eventually';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

describe('the one place a case changes', () => {
  let t: TestApp;
  let seller: SignedIn;
  let moderator: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await registerSeller(t);
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  });

  afterAll(() => t.app.close());

  /**
   * Waits until every outbox row is handed over and every queue has run what it was given
   * (the maintenance queue always holds its next scheduled runs, delayed).
   */
  const allJobsDone = () =>
    eventually(async () => {
      const [{ n }] = await t.db.query(
        'SELECT count(*) AS n FROM outbox WHERE dispatched_at IS NULL',
      );
      expect(Number(n)).toBe(0);
      for (const name of Object.values(QueueName).filter((q) => q !== QueueName.Maintenance)) {
        const queue = t.app.get<Queue>(getQueueToken(name), { strict: false });
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, prioritized: 0 });
      }
    });

  /**
   * A case whose accused no other case names, so linking's background jobs leave its timeline
   * alone while a test compares it before and after.
   */
  const fileLoneCase = () =>
    fileCase(t, seller, {
      orderIds: [],
      reported: [
        {
          identifiers: [
            {
              kind: 'qq',
              value: String(1_000_000_000 + Math.floor(Math.random() * 8_000_000_000)),
            },
          ],
        },
      ],
    });

  const stateOf = async (caseId: string) => {
    const [row] = await t.db.query(
      'SELECT status, version, last_event_seq FROM cases WHERE id = $1',
      [caseId],
    );
    const events: { case_seq: number; position: string }[] = await t.db.query(
      'SELECT case_seq, position FROM case_events WHERE case_id = $1 ORDER BY case_seq',
      [caseId],
    );
    const outbox = Number(
      (
        await t.db.query(`SELECT count(*) AS n FROM outbox WHERE payload->>'caseId' = $1`, [caseId])
      )[0].n,
    );
    return { ...row, events, outbox };
  };

  it('numbers a case’s timeline 1, 2, 3 … without gaps while changes race, in global order', async () => {
    const kase = await fileLoneCase();
    const posts = Array.from({ length: 12 }, (_, index) =>
      request(t.http)
        .post(`/v1/cases/${kase.id}/messages`)
        .set(bearer(index % 2 === 0 ? seller : moderator))
        .send({ body: `message ${index}` })
        .expect(201),
    );
    await Promise.all(posts);
    const state = await stateOf(kase.id);
    expect(state.events.map((event: { case_seq: number }) => event.case_seq)).toEqual(
      Array.from({ length: 13 }, (_, index) => index + 1),
    );
    const positions = state.events.map((event: { position: string }) => BigInt(event.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(state.last_event_seq).toBe(13);
    // Each message moves the version, so the ETag of the case moves with it.
    expect(state.version).toBe(13);
    const timeline = await request(t.http)
      .get(`/v1/cases/${kase.id}/timeline?limit=5`)
      .set(bearer(moderator))
      .expect(200);
    expect(timeline.body.items.map((event: { sequence: number }) => event.sequence)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it('refuses a move the transition table refuses, naming the legal moves, and writes nothing', async () => {
    const kase = await fileLoneCase();
    await request(t.http).post(`/v1/cases/${kase.id}/withdraw`).set(bearer(seller)).expect(200);
    await allJobsDone();
    const before = await stateOf(kase.id);
    const refused = expectProblem(
      await request(t.http).post(`/v1/cases/${kase.id}/withdraw`).set(bearer(seller)),
      409,
    );
    expect(refused.detail).toMatch(/withdrawn.*no move/);
    expect(await stateOf(kase.id)).toEqual(before);

    const writer = t.app.get(CaseWriter);
    const cases = t.app.get(CasesRepository);
    await expect(
      t.db.transaction(async (manager) =>
        writer.apply(
          manager,
          await cases.lock(manager, kase.id),
          { kind: 'moved', move: 'resolve', outcome: 'upheld' },
          moderator.id,
        ),
      ),
    ).rejects.toThrow(/cannot be moved by resolve; it allows no move/);
    expect(await stateOf(kase.id)).toEqual(before);
  });

  it('writes the row, the event and the outbox row of a move together', async () => {
    const kase = await fileLoneCase();
    await allJobsDone();
    const before = await stateOf(kase.id);
    const writer = t.app.get(CaseWriter);
    const cases = t.app.get(CasesRepository);
    await t.db.transaction(async (manager) =>
      writer.apply(
        manager,
        await cases.lock(manager, kase.id),
        { kind: 'moved', move: 'start_review' },
        moderator.id,
      ),
    );
    const after = await stateOf(kase.id);
    expect(after.status).toBe('in_review');
    expect(after.version).toBe(before.version + 1);
    expect(after.events).toHaveLength(before.events.length + 1);
    // One row per job the move's event starts.
    expect(after.outbox).toBe(before.outbox + JOBS_OF_EVENT[OutboxEvent.CaseUpdated].length);
    const [event] = await t.db.query(
      `SELECT kind, visibility, data FROM case_events WHERE case_id = $1 ORDER BY case_seq DESC LIMIT 1`,
      [kase.id],
    );
    expect(event).toEqual({
      kind: 'status_changed',
      visibility: 'seller',
      data: { from: 'open', to: 'in_review', move: 'start_review' },
    });
  });
});
