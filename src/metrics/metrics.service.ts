import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Clock } from '../common/clock';
import { withTimeout } from '../common/with-timeout';
import { ModerationStatsRepository } from '../moderation/moderation-stats.repository';
import { QueueName } from '../jobs/job-names';
import { OutboxRepository } from '../jobs/outbox.repository';
import { MetricsRegistry } from './metrics.registry';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
const SAMPLE_TIMEOUT_MS = 2_000;
const DAY_MS = 86_400_000;

@Injectable()
export class MetricsService {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly outbox: OutboxRepository,
    private readonly moduleRef: ModuleRef,
    private readonly moderation: ModerationStatsRepository,
    private readonly clock: Clock,
  ) {}

  get contentType(): string {
    return this.metrics.registry.contentType;
  }

  /**
   * Samples queue depths, outbox lag and moderators' figures, then renders everything; a
   * dependency that is down is skipped.
   */
  async render(): Promise<string> {
    await Promise.all([this.sampleQueues(), this.sampleOutbox(), this.sampleModeration()]);
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

  /** Moderators' load now and their response times over the last day. */
  private async sampleModeration(): Promise<void> {
    const now = this.clock.now();
    const dayAgo = new Date(now.getTime() - DAY_MS);
    const sampled = await Promise.all([
      this.moderation.loads(dayAgo, now, now),
      this.moderation.period(dayAgo, now),
    ]).catch(() => undefined);
    if (!sampled) return;
    const [loads, figures] = sampled;
    this.metrics.moderatorOpenCases.reset();
    for (const load of loads)
      this.metrics.moderatorOpenCases.set({ moderator: load.id }, load.open);
    this.metrics.medianSeconds.set(
      { to: 'first_response' },
      figures.medianFirstResponseSeconds ?? 0,
    );
    this.metrics.medianSeconds.set({ to: 'resolution' }, figures.medianResolutionSeconds ?? 0);
    this.metrics.serviceLevelBreaches.set(
      { level: 'first_response' },
      figures.firstResponseBreaches,
    );
    this.metrics.serviceLevelBreaches.set({ level: 'resolution' }, figures.resolutionBreaches);
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
