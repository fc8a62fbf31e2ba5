import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { withTimeout } from '../common/with-timeout';
import { QueueName } from '../jobs/job-names';
import { OutboxRepository } from '../jobs/outbox.repository';
import { MetricsRegistry } from './metrics.registry';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
const SAMPLE_TIMEOUT_MS = 2_000;

@Injectable()
export class MetricsService {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly outbox: OutboxRepository,
    private readonly moduleRef: ModuleRef,
  ) {}

  get contentType(): string {
    return this.metrics.registry.contentType;
  }

  /** Samples queue depths and outbox lag, then renders everything; a dependency that is down is skipped. */
  async render(): Promise<string> {
    await Promise.all([this.sampleQueues(), this.sampleOutbox()]);
    return this.metrics.registry.metrics();
  }

  private async sampleQueues(): Promise<void> {
    await Promise.all(
      Object.values(QueueName).map(async (name) => {
        const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
        const counts = await withTimeout(
          queue.getJobCounts(...QUEUE_STATES),
          SAMPLE_TIMEOUT_MS,
          'timed out',
        ).catch(() => undefined);
        for (const state of QUEUE_STATES) {
          if (counts) this.metrics.queueDepth.set({ queue: name, state }, counts[state] ?? 0);
        }
      }),
    );
  }

  private async sampleOutbox(): Promise<void> {
    const [lag, pending, unfinished] = await Promise.all([
      this.outbox.lagSeconds(),
      this.outbox.pendingCount(),
      this.outbox.unfinishedCount(),
    ]).catch(() => [undefined, undefined, undefined]);
    if (lag !== undefined) this.metrics.outboxLag.set(lag);
    if (pending !== undefined) this.metrics.outboxPending.set(pending);
    if (unfinished !== undefined) this.metrics.outboxUnfinished.set(unfinished);
  }
}
