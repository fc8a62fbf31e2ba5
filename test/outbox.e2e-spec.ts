import request from 'supertest';
import { bearer, registerSeller } from './factories/accounts';
import { eventually } from './helpers/eventually';
import { PrivateRedis } from './helpers/private-redis';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

interface OutboxRow {
  id: string;
  dispatched_at: Date | null;
}

describe('transactional outbox and jobs', () => {
  it('runs the sign-up job in the background: the activity log shows the sign-up', async () => {
    const t = await startTestApp();
    try {
      const seller = await registerSeller(t);
      const activity = await eventually(async () => {
        const response = await request(t.http)
          .get('/v1/me/activity')
          .set(bearer(seller))
          .expect(200);
        expect(response.body.items).toHaveLength(1);
        return response.body.items[0];
      });
      expect(activity).toEqual(
        expect.objectContaining({ kind: 'registered', occurredAt: expect.any(String) }),
      );
    } finally {
      await t.app.close();
    }
  });

  it('dispatches a committed row when its transaction commits, not at the next poll', async () => {
    // The longest poll allowed, a minute: only the commit's NOTIFY can wake the relay in time.
    const t = await startTestApp({ OUTBOX_POLL_MS: '60000' });
    try {
      await eventually(async () => {
        const [{ n }] = await t.db.query(
          'SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL',
        );
        expect(n).toBe(0);
      });
      const seller = await registerSeller(t);
      const [row] = await t.db.query(
        `SELECT id FROM outbox WHERE payload->>'userId' = $1 AND event = 'account.registered'`,
        [seller.id],
      );
      await eventually(async () => {
        const [{ dispatched_at }] = await t.db.query(
          'SELECT dispatched_at FROM outbox WHERE id = $1',
          [row.id],
        );
        expect(dispatched_at).not.toBeNull();
      }, 10_000);
    } finally {
      await t.app.close();
    }
  });

  it('keeps sign-ups working while Redis is down and runs each job exactly once when it is back', async () => {
    const redis = await PrivateRedis.start();
    let t: TestApp | undefined;
    try {
      t = await startTestApp({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'bulwark-test-outage' });
      const app = t;
      await redis.down();

      const sellers = [];
      for (let i = 0; i < 5; i += 1) sellers.push(await registerSeller(app));
      const userIds = sellers.map((seller) => seller.id);
      const pending: OutboxRow[] = await app.db.query(
        `SELECT id, dispatched_at FROM outbox WHERE payload->>'userId' = ANY($1)`,
        [userIds],
      );
      expect(pending).toHaveLength(5);
      expect(pending.every((row) => row.dispatched_at === null)).toBe(true);
      expectProblem(await request(app.http).get('/health/ready'), 503);

      await redis.up();

      await eventually(async () => {
        const rows: OutboxRow[] = await app.db.query(
          `SELECT id, dispatched_at FROM outbox WHERE payload->>'userId' = ANY($1)`,
          [userIds],
        );
        expect(rows.every((row) => row.dispatched_at !== null)).toBe(true);
        const activity: { job_id: string }[] = await app.db.query(
          'SELECT job_id FROM account_activity WHERE user_id = ANY($1)',
          [userIds],
        );
        expect(activity.map((row) => row.job_id).sort()).toEqual(rows.map((row) => row.id).sort());
      }, 30_000);
      await request(app.http).get('/health/ready').expect(200);
    } finally {
      await redis.up().catch(() => undefined);
      await t?.app.close();
      await redis.down();
    }
  });

  it('ignores a redelivered job: running the handler twice leaves one row', async () => {
    const t = await startTestApp();
    try {
      const seller = await registerSeller(t);
      const [row]: {
        id: string;
        job_name: string;
        event: string;
        payload: Record<string, string>;
      }[] = await eventually(async () => {
        const rows = await t.db.query(
          `SELECT o.id, o.job_name, o.event, o.payload FROM outbox o
               JOIN account_activity a ON a.job_id = o.id WHERE o.payload->>'userId' = $1`,
          [seller.id],
        );
        expect(rows).toHaveLength(1);
        return rows;
      });
      const { JobRegistry } = await import('../src/jobs/job-registry');
      await t.app.get(JobRegistry).handlerFor(row.job_name)({
        jobId: row.id,
        attempt: 2,
        event: row.event as never,
        payload: row.payload,
      });
      const [count] = await t.db.query('SELECT count(*) FROM account_activity WHERE user_id = $1', [
        seller.id,
      ]);
      expect(Number(count.count)).toBe(1);
    } finally {
      await t.app.close();
    }
  });
});
