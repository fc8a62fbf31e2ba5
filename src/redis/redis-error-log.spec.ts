import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { logRedisErrors, RedisErrorLog } from './redis-error-log';

const refused = new Error('connect ECONNREFUSED 127.0.0.1:6379');

function logAt(clock: { now: number }) {
  const logger = { warn: jest.fn(), log: jest.fn() };
  const log = new RedisErrorLog('queue evidence', logger, () => clock.now, 30_000);
  return { log, logger };
}

describe('RedisErrorLog', () => {
  it('warns of the first error at once, with the connection and the error', () => {
    const { log, logger } = logAt({ now: 0 });
    log.error(refused);
    expect(logger.warn).toHaveBeenCalledWith(
      { connection: 'queue evidence', suppressed: 0, err: refused },
      'Redis error on queue evidence: connect ECONNREFUSED 127.0.0.1:6379',
    );
  });

  it('warns at most once per 30 s, counting the errors it left out', () => {
    const clock = { now: 0 };
    const { log, logger } = logAt(clock);
    for (clock.now = 0; clock.now < 60_000; clock.now += 200) log.error(refused);
    expect(logger.warn.mock.calls.map(([fields]) => fields.suppressed)).toEqual([0, 149]);
    clock.now = 60_000;
    log.error(refused);
    expect(logger.warn).toHaveBeenCalledTimes(3);
    expect(logger.warn.mock.calls[2][0].suppressed).toBe(149);
  });

  it('says once when the connection is ready again, with the errors not yet reported', () => {
    const clock = { now: 0 };
    const { log, logger } = logAt(clock);
    log.error(refused);
    clock.now = 1_000;
    log.error(refused);
    log.error(refused);
    log.ready();
    log.ready();
    expect(logger.log).toHaveBeenCalledTimes(1);
    expect(logger.log).toHaveBeenCalledWith(
      { connection: 'queue evidence', suppressed: 2 },
      'Redis ready again on queue evidence',
    );
  });

  it('warns of the first error of the next outage at once', () => {
    const clock = { now: 0 };
    const { log, logger } = logAt(clock);
    log.error(refused);
    clock.now = 5_000;
    log.ready();
    clock.now = 6_000;
    log.error(refused);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn.mock.calls[1][0].suppressed).toBe(0);
  });

  it('says nothing on a first connection', () => {
    const { log, logger } = logAt({ now: 0 });
    log.ready();
    expect(logger.log).not.toHaveBeenCalled();
  });
});

describe('logRedisErrors', () => {
  it('sends the errors of an emitter to the log instead of leaving them unhandled', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const client = new EventEmitter();
      logRedisErrors('shared client', client);
      expect(() => client.emit('error', refused)).not.toThrow();
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ connection: 'shared client' }),
        'Redis error on shared client: connect ECONNREFUSED 127.0.0.1:6379',
      );
    } finally {
      warn.mockRestore();
    }
  });
});
