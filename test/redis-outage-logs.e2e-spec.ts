import { setTimeout as sleep } from 'node:timers/promises';
import { QueueName } from '../src/jobs/job-names';
import { eventually } from './helpers/eventually';
import { PrivateRedis } from './helpers/private-redis';
import { ServiceProcess } from './helpers/service-process';

/** Every Redis connection of a process in the `all` role. */
const CONNECTIONS = [
  'shared client',
  ...Object.values(QueueName).flatMap((name) => [`queue ${name}`, `worker ${name}`]),
].sort();

const WARN = 40;
const INFO = 30;

/*
 * The service runs as a process of its own: inside jest, ioredis never prints its "Unhandled error
 * event" line, because the errors Node.js makes are not instances of the test realm's Error.
 */
describe('logs while Redis is down', () => {
  it('reports each Redis connection once in the JSON log, and nothing on stderr', async () => {
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

      await redis.down();
      await sleep(3_000);
      expectNoRedisErrorOnStderr();
      await redis.up();

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
    const warnings = redisLines(WARN);
    expect(warnings.map((line) => line.connection).sort()).toEqual(CONNECTIONS);
    expect(warnings.every((line) => line.suppressed === 0)).toBe(true);
    expect(redisLines(INFO).some((line) => Number(line.suppressed) > 0)).toBe(true);
  }, 120_000);
});
