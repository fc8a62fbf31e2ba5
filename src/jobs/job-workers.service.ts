import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { logRedisErrors } from '../redis/redis-error-log';
import { JobData } from './job-data';
import { QueueName } from './job-names';
import { JobRegistry } from './job-registry';
import { OutboxRepository } from './outbox.repository';

/** The BullMQ workers of the worker role: one per queue, each dispatching to the registry. */
@Injectable()
export class JobWorkersService {
  private readonly logger = new Logger(JobWorkersService.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: JobRegistry,
    private readonly outbox: OutboxRepository,
  ) {}

  start(): void {
    for (const queueName of Object.values(QueueName)) {
      const worker = new Worker<JobData>(queueName, (job) => this.run(job), {
        connection: { url: this.config.redis.url, maxRetriesPerRequest: null },
        prefix: this.config.redis.keyPrefix,
        concurrency: this.config.jobs.concurrency,
        autorun: true,
      });
      worker.on('failed', (job, error) => {
        this.logger.warn(
          { jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: error },
          'Job failed',
        );
        if (job && fromOutbox(job) && job.attemptsMade >= (job.opts.attempts ?? 1)) {
          this.outbox
            .markFailed(String(job.id))
            .catch((markError: unknown) =>
              this.logger.warn(`Outbox row ${job.id} not marked failed: ${String(markError)}`),
            );
        }
      });
      logRedisErrors(`worker ${queueName}`, worker, worker.getBackend());
      this.workers.push(worker);
    }
  }

  /** Waits for the jobs in hand to finish, then disconnects. */
  async stop(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }

  /**
   * Runs the handler, then records the outbox row as finished. A crash between the two leaves the
   * row unfinished and the reconciler runs the job again, which handlers, being idempotent, allow.
   */
  private async run(job: Job<JobData>): Promise<void> {
    const handler = this.registry.handlerFor(job.name);
    await handler({ ...job.data, jobId: String(job.id), attempt: job.attemptsMade + 1 });
    if (fromOutbox(job)) await this.outbox.markFinished(String(job.id));
  }
}

/** Scheduled runs have no event and no outbox row. */
function fromOutbox(job: Job<JobData>): boolean {
  return job.data.event !== null;
}
