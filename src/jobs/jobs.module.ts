import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { QueueName } from './job-names';
import { JobRegistry } from './job-registry';
import { JobSchedulesService } from './job-schedules.service';
import { JobWorkersService } from './job-workers.service';
import { JobsLifecycle } from './jobs-lifecycle.service';
import { LoggedQueue } from './logged-queue';
import { OutboxReconciler } from './outbox-reconciler.service';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

BullModule.queueClass = LoggedQueue;
const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));

@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Adds fail at once while Redis is down; the outbox keeps the work until it is back.
        connection: { url: config.redis.url, enableOfflineQueue: false },
        prefix: config.redis.keyPrefix,
      }),
    }),
    queues,
  ],
  providers: [
    OutboxService,
    OutboxRepository,
    OutboxRelayService,
    OutboxReconciler,
    JobRegistry,
    JobWorkersService,
    JobSchedulesService,
    JobsLifecycle,
  ],
  exports: [OutboxService, OutboxRepository, OutboxRelayService, queues],
})
export class JobsModule {}
