import { getQueueToken } from '@nestjs/bullmq';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { JobName, QueueName } from '../src/jobs/job-names';
import { OutboxReconciler } from '../src/jobs/outbox-reconciler.service';
import { OutboxRelayService } from '../src/jobs/outbox-relay.service';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { noisePicture } from './factories/screenshots';
import { eventually } from './helpers/eventually';
import { PrivateRedis } from './helpers/private-redis';
import { ServiceProcess } from './helpers/service-process';
import { startTestApp, TestApp } from './helpers/test-app';

const SCREENSHOTS = 40;
const qq = String(30_000_000 + Math.floor(Math.random() * 9_000_000));

describe('queued work when Redis loses its data', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let worker: ServiceProcess | undefined;
  let moderator: SignedIn;
  const environment = () => ({
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: 'bulwark-test-redis-loss',
    OUTBOX_REDISPATCH_AFTER_MS: '1000',
    OUTBOX_RECONCILE_EVERY_MS: '500',
  });

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await startTestApp({ ...environment(), BULWARK_ROLE: 'api' });
    // Rows earlier files left unfinished belong to Redis databases that are gone; this file
    // reconciles only its own.
    await t.db.query(
      'UPDATE outbox SET finished_at = now() WHERE dispatched_at IS NOT NULL AND finished_at IS NULL',
    );
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  });
  afterAll(async () => {
    await worker?.kill();
    await t?.app.close();
    await redis?.down();
  });

  const queue = (name: QueueName) => t.app.get<Queue>(getQueueToken(name), { strict: false });
  const relayAll = async () => {
    while ((await t.app.get(OutboxRelayService).relayOnce()) > 0);
  };
  const unfinished = async (since: Date) => {
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox
         WHERE created_at >= $1 AND job_name IS NOT NULL AND finished_at IS NULL`,
      [since],
    );
    return n as number;
  };

  it('processes every one of 40 waiting screenshots and every linking after Redis restarts empty', async () => {
    const since = new Date((await t.db.query('SELECT now() AS now'))[0].now);
    const sellers = [await registerSeller(t), await registerSeller(t), await registerSeller(t)];
    const reported = [{ identifiers: [{ kind: 'qq', value: qq }] }];
    const cases = [];
    for (const seller of sellers) cases.push(await fileCase(t, seller, { reported }));
    const evidenceIds: string[] = [];
    for (let batch = 0; batch < SCREENSHOTS / 10; batch += 1) {
      const upload = request(t.http)
        .post(`/v1/cases/${cases[0].id}/evidence`)
        .set(bearer(sellers[0]));
      for (let index = 0; index < 10; index += 1) {
        upload.attach('files', await noisePicture(batch * 10 + index, 64), `shot-${index}.png`);
      }
      const response = await upload.expect(202);
      evidenceIds.push(...(response.body as { id: string }[]).map((item) => item.id));
    }

    await relayAll();
    expect(await queue(QueueName.Evidence).getWaitingCount()).toBe(SCREENSHOTS);
    expect(await queue(QueueName.Intel).getWaitingCount()).toBeGreaterThanOrEqual(cases.length);

    await redis.down();
    await redis.up();
    await eventually(async () => expect(await queue(QueueName.Evidence).getWaitingCount()).toBe(0));

    worker = ServiceProcess.start({ ...environment(), BULWARK_ROLE: 'worker' });
    await eventually(async () => {
      worker?.assertRunning();
      const rows: { status: string }[] = await t.db.query(
        'SELECT status FROM evidence WHERE id = ANY($1::uuid[])',
        [evidenceIds],
      );
      expect(rows.filter((row) => row.status === 'processed')).toHaveLength(SCREENSHOTS);
    }, 60_000);
    const offender = await eventually(async () => {
      const found = await request(t.http)
        .get(`/v1/identifiers/lookup?kind=qq&value=${qq}`)
        .set(bearer(moderator))
        .expect(200);
      expect(found.body.offender).toEqual(expect.objectContaining({ caseCount: cases.length }));
      return found.body.offender as { id: string };
    }, 30_000);
    expect(offender.id).toEqual(expect.any(String));
    await eventually(async () => expect(await unfinished(since)).toBe(0), 30_000);
    await worker.kill();
    worker = undefined;
  }, 120_000);

  it('leaves a job Redis still holds where it is, and records one that ran unheard', async () => {
    const reconciler = t.app.get(OutboxReconciler);
    const later = () => new Date(Date.now() + 60_000);
    await reconciler.reconcile(later());

    const seller = await registerSeller(t);
    await fileCase(t, seller);
    await relayAll();
    const waiting = await queue(QueueName.Intel).getWaitingCount();
    const [{ id }] = await t.db.query(
      `SELECT id FROM outbox WHERE job_name = $1 AND payload->>'sellerId' = $2`,
      [JobName.LinkCase, seller.id],
    );

    const queued = await reconciler.reconcile(later());
    expect(queued).toEqual(expect.objectContaining({ requeue: 0 }));
    expect(queued.queued).toBeGreaterThanOrEqual(1);
    expect(await queue(QueueName.Intel).getWaitingCount()).toBe(waiting);

    // A worker of the test's own runs the job but never tells the outbox, as a crash would.
    const token = 'test-token';
    const manual = new Worker(QueueName.Intel, null, {
      connection: { url: redis.url },
      prefix: 'bulwark-test-redis-loss',
    });
    try {
      for (let job = await manual.getNextJob(token); job; job = await manual.getNextJob(token)) {
        await job.moveToCompleted(undefined, token, false);
        if (job.id === id) break;
      }
    } finally {
      await manual.close();
    }
    expect(await queue(QueueName.Intel).getJobState(id)).toBe('completed');
    await reconciler.reconcile(later());
    const [{ finished_at }] = await t.db.query('SELECT finished_at FROM outbox WHERE id = $1', [
      id,
    ]);
    expect(finished_at).not.toBeNull();
  });

  it('warns at start-up when Redis may evict queued jobs', async () => {
    const admin = new Redis(redis.url);
    try {
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const service = ServiceProcess.start({
        ...environment(),
        BULWARK_ROLE: 'worker',
        LOG_LEVEL: 'warn',
      });
      try {
        await eventually(async () => {
          service.assertRunning();
          const warnings = service
            .logLines()
            .filter((line) => line.context === 'EvictionPolicyCheck')
            .map((line) => String(line.msg));
          expect(warnings).toEqual([expect.stringContaining('maxmemory-policy allkeys-lru')]);
        }, 30_000);
      } finally {
        await service.kill();
      }
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      admin.disconnect();
    }
  });
});
