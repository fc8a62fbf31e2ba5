import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { withTimeout } from '../common/with-timeout';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobData } from './job-data';
import { JobName, QUEUE_OF_JOB, QueueName, SCHEDULE_OF_JOB, ScheduledJob } from './job-names';

const REGISTER_TIMEOUT_MS = 10_000;
const MAX_RETRY_MS = 30_000;

/**
 * Declares SCHEDULE_OF_JOB to BullMQ as job schedulers (id = job name) when a worker starts, and
 * removes the schedulers of jobs no longer declared. Every worker declares them, and BullMQ keeps
 * one scheduler per id whose next run has one job id, so each interval runs once, in whichever
 * worker takes it. Declaring again with the same interval leaves the next run where it was.
 */
@Injectable()
export class JobSchedulesService {
  private readonly logger = new Logger(JobSchedulesService.name);
  private stopping = new AbortController();
  private registering?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * Registers in the background, retrying while Redis is unreachable, and again each time a
   * queue's connection comes back: a Redis that restarted empty has lost its schedulers too.
   */
  start(): void {
    this.stopping = new AbortController();
    this.registering = this.registerUntilDone();
    for (const queueName of this.scheduledQueues()) {
      this.queue(queueName)
        .getBackend()
        .on('ready', () => this.registerAgain());
    }
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.registering;
  }

  async register(): Promise<void> {
    for (const queueName of Object.values(QueueName)) {
      const queue = this.queue(queueName);
      const declared = scheduledJobs().filter((jobName) => QUEUE_OF_JOB[jobName] === queueName);
      for (const jobName of declared) {
        const data: JobData<ScheduledJob> = { event: null, payload: {} };
        await queue.upsertJobScheduler(
          jobName,
          { every: this.config.jobs.everyMs[SCHEDULE_OF_JOB[jobName]] },
          {
            name: jobName,
            data,
            opts: {
              attempts: this.config.jobs.attempts,
              backoff: { type: 'exponential', delay: this.config.jobs.backoffMs },
              removeOnComplete: { age: 86_400, count: 1_000 },
              removeOnFail: { age: 7 * 86_400 },
            },
          },
        );
      }
      for (const scheduler of await queue.getJobSchedulers()) {
        if (declared.some((jobName) => jobName === scheduler.key)) continue;
        await queue.removeJobScheduler(scheduler.key);
        this.logger.log(`Removed the job scheduler "${scheduler.key}" of ${queueName}`);
      }
    }
  }

  /** Upserting is idempotent: a run in progress, or a second one, changes nothing. */
  private registerAgain(): void {
    if (this.stopping.signal.aborted) return;
    const previous = this.registering ?? Promise.resolve();
    this.registering = previous.then(() => this.registerUntilDone());
  }

  private scheduledQueues(): QueueName[] {
    return [...new Set(scheduledJobs().map((jobName) => QUEUE_OF_JOB[jobName]))];
  }

  private queue(queueName: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
  }

  private async registerUntilDone(): Promise<void> {
    for (let failures = 0; !this.stopping.signal.aborted; failures += 1) {
      try {
        await withTimeout(this.register(), REGISTER_TIMEOUT_MS, 'Redis did not answer in time');
        return;
      } catch (error) {
        if (failures === 0 || failures % 20 === 0) {
          this.logger.warn(
            `Job schedules not registered (attempt ${failures + 1}): ${String(error)}`,
          );
        }
        const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** failures);
        await sleep(delay, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }
}

function scheduledJobs(): ScheduledJob[] {
  return Object.values(JobName).filter(
    (jobName): jobName is ScheduledJob => jobName in SCHEDULE_OF_JOB,
  );
}
