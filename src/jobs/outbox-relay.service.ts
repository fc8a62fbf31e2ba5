import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JobsOptions, Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { withTimeout } from '../common/with-timeout';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseNotifications } from '../database/database-notifications';
import { QUEUE_OF_JOB, QueueName } from './job-names';
import { OutboxRepository, PendingJob } from './outbox.repository';
import { OUTBOX_CHANNEL } from './outbox-channel';

const BATCH_SIZE = 200;
const ADD_TIMEOUT_MS = 5_000;
const MAX_ERROR_BACKOFF_MS = 5_000;

/**
 * Moves committed outbox rows to BullMQ, with the outbox id as the job id. A NOTIFY from each
 * committing transaction wakes it at once; the poll remains for notifications lost while the
 * LISTEN connection was down.
 */
@Injectable()
export class OutboxRelayService {
  private readonly logger = new Logger(OutboxRelayService.name);
  private running = false;
  private loop?: Promise<void>;
  private nap = new AbortController();
  private poked = false;
  private unlisten?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly moduleRef: ModuleRef,
    private readonly notifications: DatabaseNotifications,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.notifications
      .listen(OUTBOX_CHANNEL, () => this.poke())
      .then((unlisten) => (this.unlisten = unlisten))
      .catch((error: unknown) =>
        this.logger.warn(`Outbox relay only polls: LISTEN failed: ${String(error)}`),
      );
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unlisten?.();
    this.poke();
    await this.loop;
  }

  /** Ends the current wait, or the next one if the relay is busy dispatching. */
  private poke(): void {
    this.poked = true;
    this.nap.abort();
  }

  /** One pass: dispatches up to a batch and says how many rows moved. */
  relayOnce(): Promise<number> {
    return this.outbox.dispatchPending(BATCH_SIZE, (jobs) => this.enqueue(jobs));
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let moved = 0;
      try {
        moved = await this.relayOnce();
        if (failures > 0) this.logger.log('Outbox relay recovered');
        failures = 0;
      } catch (error) {
        failures += 1;
        if (failures === 1 || failures % 50 === 0) {
          this.logger.warn(`Outbox relay cannot dispatch (attempt ${failures}): ${String(error)}`);
        }
      }
      if (moved === BATCH_SIZE) continue;
      const delay =
        failures > 0
          ? Math.min(MAX_ERROR_BACKOFF_MS, this.config.jobs.outboxPollMs * 2 ** failures)
          : this.config.jobs.outboxPollMs;
      if (this.poked && failures === 0) {
        this.poked = false;
        continue;
      }
      this.nap = new AbortController();
      await sleep(delay, undefined, { signal: this.nap.signal }).catch(() => undefined);
      this.poked = false;
    }
  }

  private async enqueue(jobs: PendingJob[]): Promise<void> {
    const byQueue = new Map<QueueName, PendingJob[]>();
    for (const job of jobs) {
      const queueName = QUEUE_OF_JOB[job.jobName];
      byQueue.set(queueName, [...(byQueue.get(queueName) ?? []), job]);
    }
    for (const [queueName, queueJobs] of byQueue) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
      const added = queue.addBulk(
        queueJobs.map((job) => ({
          name: job.jobName,
          data: job.data,
          opts: this.jobOptions(job.id),
        })),
      );
      await withTimeout(
        added,
        ADD_TIMEOUT_MS,
        `Redis did not take jobs within ${ADD_TIMEOUT_MS} ms`,
      );
    }
  }

  private jobOptions(jobId: string): JobsOptions {
    return {
      jobId,
      attempts: this.config.jobs.attempts,
      backoff: { type: 'exponential', delay: this.config.jobs.backoffMs },
      // Completed jobs stay a day so a redelivered outbox row with the same id is ignored.
      removeOnComplete: { age: 86_400, count: 50_000 },
      removeOnFail: false,
    };
  }
}
