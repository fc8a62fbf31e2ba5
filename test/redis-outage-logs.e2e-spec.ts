import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { QueueName, SCHEDULE_OF_JOB } from '../src/jobs/job-names';
import { eventually } from './helpers/eventually';
import { PrivateRedis } from './helpers/private-redis';
import { ServiceProcess } from './helpers/service-process';

/** Every Redis connection of a process in the `all` role. */
const CONNECTIONS = [
  'shared client',
  ...Object.values(QueueName).flatMap((name) => [`queue ${name}`, `worker ${name}`]),
].sort();

const SCHEDULED_JOBS = Object.keys(SCHEDULE_OF_JOB).length;

/** Waits until the Redis at `url` holds a scheduler for every scheduled job. */
async function expectSchedulers(url: string): Promise<void> {
  const maintenance = new Queue(QueueName.Maintenance, {
    connection: { url },
    prefix: 'bulwark-test-redis-logs',
  });
  try {
    await eventually(async () => {
      expect(await maintenance.getJobSchedulersCount()).toBe(SCHEDULED_JOBS);
    }, 30_000);
  } finally {
    await maintenance.close();
  }
}
const WARN = 40;
const INFO = 30;

/*
 * The service runs as a process of its own: inside jest, ioredis never prints its "Unhandled error
 * event" line, because the errors Node.js makes are not instances of the test realm's Error.
 */
describe('logs while Redis is down', () => {
  it('reports each Redis connection once in the JSON log, nothing on stderr, and declares its schedules again', async () => {
    const redis = await PrivateRedis.start();
    const service = ServiceProcess.start({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'bulwark-test-redis-logs',
      LOG_LEVEL: 'info',
    });
    const redisLines = (level: number) =>
      service.logLines().filter((line) => line.context === 'Redis' && line.level === level);
    const expectNoRedisErrorOnStderr = () => {
      expect(service.stderr).not.toContain('Unhandled error event');
      // BullMQ prints an error no listener takes to stderr itself, without that prefix.
      expect(service.stderr).not.toContain('ECONNREFUSED');
    };
    try {
      await eventually(async () => {
        service.assertRunning();
        expect(service.logLines().map((line) => line.msg)).toContain(
          'Nest application successfully started',
        );
      }, 60_000);

      await expectSchedulers(redis.url);
      await redis.down();
      await sleep(3_000);
      expectNoRedisErrorOnStderr();
      await redis.up();

      // The Redis came back empty: the worker declares its schedules again.
      await expectSchedulers(redis.url);

      await eventually(async () => {
        service.assertRunning();
        expect(
          redisLines(INFO)
            .map((line) => line.connection)
            .sort(),
        ).toEqual(CONNECTIONS);
      }, 30_000);
    } finally {
      await redis.up().catch(() => undefined);
      await service.kill();
      await redis.down();
    }

    expectNoRedisErrorOnStderr();
    // A job whose keys the empty Redis lost fails too; that is a worker's error, not its link's.
    const warnings = redisLines(WARN).filter((line) => !String(line.msg).includes('Missing key'));
    expect(warnings.map((line) => line.connection).sort()).toEqual(CONNECTIONS);
    expect(warnings.every((line) => line.suppressed === 0)).toBe(true);
    expect(redisLines(INFO).some((line) => Number(line.suppressed) > 0)).toBe(true);
  }, 120_000);
});
