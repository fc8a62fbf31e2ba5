import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOBS_OF_EVENT, OutboxEvent } from './job-names';
import { EventPayloads } from './job-payloads';
import { OUTBOX_CHANNEL } from './outbox-channel';

@Injectable()
export class OutboxService {
  /**
   * Records an event's jobs inside the caller's transaction; they run only if it commits. An event
   * that no job consumes yet is still recorded, so every change leaves its outbox row. The payload
   * must be what the event declares (EventPayloads), which covers what its jobs read.
   */
  async publish<E extends OutboxEvent>(
    manager: EntityManager,
    event: E,
    payload: EventPayloads[E],
  ): Promise<void> {
    const jobs: readonly string[] = JOBS_OF_EVENT[event];
    if (jobs.length === 0) {
      await manager.query(
        `INSERT INTO outbox (event, job_name, payload, dispatched_at, finished_at)
           VALUES ($1, NULL, $2, now(), now())`,
        [event, payload],
      );
      return;
    }
    // The NOTIFY reaches the relay when the transaction commits, so it need not wait for a poll.
    await manager.query(
      `WITH queued AS (
         INSERT INTO outbox (event, job_name, payload)
         SELECT $1, job_name, $3 FROM unnest($2::text[]) AS job_name RETURNING 1
       ) SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT 1 FROM queued LIMIT 1) once`,
      [event, jobs, payload],
    );
  }
}
