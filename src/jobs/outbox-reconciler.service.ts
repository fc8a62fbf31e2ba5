import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobName, QUEUE_OF_JOB } from './job-names';
import { OnJob } from './on-job.decorator';
import { OutboxRepository, UnfinishedJob } from './outbox.repository';
import { reconcileAction, ReconcileAction } from './reconcile-action';

const BATCH = 500;

export type ReconcileResult = Record<ReconcileAction, number>;

/**
 * A scheduled job (SCHEDULE_OF_JOB): PostgreSQL is the source of truth for queued work, so rows
 * handed to BullMQ that have not finished after `redispatchAfterMs` are looked up in Redis. A job
 * Redis lost goes back to the relay under the same id; one that finished or failed without the
 * row hearing of it is recorded; one still queued is left to run.
 */
@Injectable()
export class OutboxReconciler {
  private readonly logger = new Logger(OutboxReconciler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.ReconcileOutbox)
  async reconcileJob(): Promise<void> {
    await this.reconcile();
  }

  async reconcile(now = this.clock.now()): Promise<ReconcileResult> {
    const before = new Date(now.getTime() - this.config.jobs.redispatchAfterMs);
    const rows = await this.outbox.unfinishedSince(before, BATCH);
    const states = await Promise.all(rows.map((row) => this.stateOf(row)));
    const byAction: Record<ReconcileAction, string[]> = {
      requeue: [],
      finished: [],
      failed: [],
      queued: [],
    };
    rows.forEach((row, index) => byAction[reconcileAction(states[index])].push(row.id));
    await this.outbox.requeue(byAction.requeue);
    await this.outbox.confirmQueued(byAction.queued);
    for (const id of byAction.finished) await this.outbox.markFinished(id);
    for (const id of byAction.failed) await this.outbox.markFailed(id);
    if (byAction.requeue.length > 0) {
      this.logger.warn(
        `Redis had lost ${byAction.requeue.length} queued jobs; their outbox rows are queued again`,
      );
    }
    return {
      requeue: byAction.requeue.length,
      finished: byAction.finished.length,
      failed: byAction.failed.length,
      queued: byAction.queued.length,
    };
  }

  private stateOf(row: UnfinishedJob): Promise<string> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(QUEUE_OF_JOB[row.jobName]), {
      strict: false,
    });
    return queue.getJobState(row.id);
  }
}
