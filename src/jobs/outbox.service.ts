import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobData } from './job-data';
import { JOBS_OF_EVENT, OutboxEvent } from './job-names';

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
    if (jobs.length === 0) {
      await manager.query(
        `INSERT INTO outbox (event, job_name, payload, dispatched_at) VALUES ($1, NULL, $2, now())`,
        [event, payload],
      );
      return;
    }
    await manager.query(
      `INSERT INTO outbox (event, job_name, payload) SELECT $1, job_name, $3 FROM unnest($2::text[]) AS job_name`,
      [event, jobs, payload],
    );
  }
}
