import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobData } from './job-data';
import { JOBS_OF_EVENT, OutboxEvent } from './job-names';
import { OutboxEntity } from './outbox.entity';

@Injectable()
export class OutboxService {
  /** Records an event's jobs inside the caller's transaction; they run only if it commits. */
  async publish(
    manager: EntityManager,
    event: OutboxEvent,
    payload: JobData['payload'],
  ): Promise<void> {
    const rows = JOBS_OF_EVENT[event].map((jobName) =>
      manager.create(OutboxEntity, { event, jobName, payload }),
    );
    if (rows.length > 0) await manager.insert(OutboxEntity, rows);
  }
}
