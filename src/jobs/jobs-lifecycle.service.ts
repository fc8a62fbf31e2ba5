import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobSchedulesService } from './job-schedules.service';
import { JobWorkersService } from './job-workers.service';
import { OutboxRelayService } from './outbox-relay.service';

/**
 * Starts the relay, the workers and the job schedules in the worker role, and drains them on
 * shutdown.
 */
@Injectable()
export class JobsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly relay: OutboxRelayService,
    private readonly workers: JobWorkersService,
    private readonly schedules: JobSchedulesService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.workers.start();
    this.relay.start();
    this.schedules.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedules.stop();
    await this.relay.stop();
    await this.workers.stop();
  }
}
