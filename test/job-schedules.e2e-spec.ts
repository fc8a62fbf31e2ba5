import { Queue } from 'bullmq';
import { JobHandler, JobRegistry } from '../src/jobs/job-registry';
import { JobName, QueueName, SCHEDULE_OF_JOB } from '../src/jobs/job-names';
import { eventually } from './helpers/eventually';
import { startTestApp, TestApp } from './helpers/test-app';
import { TEST_REDIS_PREFIX, TEST_REDIS_URL } from './setup/test-env';

const EVERY_MS = 250;
const SLOT_ID = new RegExp(`^repeat:${JobName.RescoreOffenders.replace('.', '\\.')}:(\\d+)$`);

describe('timed jobs as BullMQ job schedulers', () => {
  let maintenance: Queue;
  beforeAll(() => {
    maintenance = new Queue(QueueName.Maintenance, {
      connection: { url: TEST_REDIS_URL },
      prefix: TEST_REDIS_PREFIX,
    });
  });
  afterAll(() => maintenance.close());

  const schedulers = async () =>
    (await maintenance.getJobSchedulers())
      .map(({ key, every }) => ({ key, every }))
      .sort((a, b) => a.key.localeCompare(b.key));

  it('leaves the schedules to workers: an api process declares none', async () => {
    for (const { key } of await schedulers()) await maintenance.removeJobScheduler(key);
    const api = await startTestApp({ BULWARK_ROLE: 'api' });
    await api.app.close();
    expect(await schedulers()).toEqual([]);
  });

  it('runs each slot of a schedule once however many workers run, and drops retired schedules', async () => {
    await maintenance.upsertJobScheduler('retired.chore', { every: 60_000 });
    const runs: { jobId: string; registry: JobRegistry }[] = [];
    const handlerFor = JobRegistry.prototype.handlerFor;
    const spy = jest.spyOn(JobRegistry.prototype, 'handlerFor').mockImplementation(function (
      this: JobRegistry,
      name: string,
    ): JobHandler {
      const handler = handlerFor.call(this, name);
      if (name !== JobName.RescoreOffenders) return handler;
      return async (context) => {
        runs.push({ jobId: context.jobId, registry: this });
        await handler(context);
      };
    });
    const workers: TestApp[] = [];
    try {
      for (let i = 0; i < 2; i += 1) {
        workers.push(
          await startTestApp({ BULWARK_ROLE: 'worker', INTEL_RESCORE_EVERY_MS: String(EVERY_MS) }),
        );
      }
      // Slots from when both workers compete for them, until each has run some.
      const bothUp = runs.length;
      const seen = await eventually(async () => {
        const since = runs.slice(bothUp);
        expect(new Set(since.map((run) => run.jobId)).size).toBeGreaterThanOrEqual(8);
        expect(new Set(since.map((run) => run.registry)).size).toBe(2);
        return [...runs];
      }, 30_000);

      // Each run is one slot of the schedule, and no slot ran twice, in either worker.
      const jobIds = seen.map((run) => run.jobId);
      expect(new Set(jobIds).size).toBe(jobIds.length);
      const slots = jobIds.map((jobId) => Number(SLOT_ID.exec(jobId)?.[1])).sort((a, b) => a - b);
      expect(slots.every(Number.isInteger)).toBe(true);
      for (let i = 1; i < slots.length; i += 1) {
        expect(slots[i] - slots[i - 1]).toBeGreaterThanOrEqual(EVERY_MS);
        expect((slots[i] - slots[i - 1]) % EVERY_MS).toBe(0);
      }

      // The queue board shows the maintenance queue's schedulers: the declared ones only.
      expect(await schedulers()).toEqual(
        Object.keys(SCHEDULE_OF_JOB)
          .sort()
          .map((key) => ({
            key,
            every: key === JobName.RescoreOffenders ? EVERY_MS : expect.any(Number),
          })),
      );
      const completed = await maintenance.getJobs(['completed'], 0, 1_000);
      expect(completed.map((job) => job.id)).toEqual(expect.arrayContaining(jobIds.slice(0, 3)));
    } finally {
      spy.mockRestore();
      for (const worker of workers) await worker.app.close();
      // Leave no quarter-second schedule behind for the next file's apps.
      await maintenance.removeJobScheduler(JobName.RescoreOffenders);
    }
  });
});
