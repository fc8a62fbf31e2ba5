import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobData } from './job-data';
import { JOBS_OF_EVENT, OutboxEvent } from './job-names';
import { OutboxEntity } from './outbox.entity';

@Injectable()
export class OutboxService {
  /**
   * Records an event's jobs inside the caller's transaction; they run only if it commits. An event
   * that no job consumes yet is still recorded, so every change leaves its outbox row.
   */
  async publish(
    manager: EntityManager,
    event: OutboxEvent,
    payload: JobData['payload'],
  ): Promise<void> {
    const jobs = JOBS_OF_EVENT[event];
    const rows =
      jobs.length > 0
        ? jobs.map((jobName) => manager.create(OutboxEntity, { event, jobName, payload }))
        : [
            manager.create(OutboxEntity, {
              event,
              jobName: null,
              payload,
              dispatchedAt: new Date(),
            }),
          ];
    await manager.insert(OutboxEntity, rows);
  }
}
