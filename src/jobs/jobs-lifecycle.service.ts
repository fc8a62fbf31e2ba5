import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobWorkersService } from './job-workers.service';
import { OutboxRelayService } from './outbox-relay.service';

/** Starts the relay and workers in the worker role, and drains them on shutdown. */
@Injectable()
export class JobsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly relay: OutboxRelayService,
    private readonly workers: JobWorkersService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.workers.start();
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.workers.stop();
  }
}
