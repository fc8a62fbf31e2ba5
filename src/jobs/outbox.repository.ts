import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobData } from './job-data';
import { JobName } from './job-names';
import { OUTBOX_CHANNEL } from './outbox-channel';

/** An outbox row on its way to BullMQ, with the outbox id as job id. */
export type PendingJob = {
  [J in JobName]: { id: string; jobName: J; data: JobData<J> };
}[JobName];

/** A row handed to BullMQ whose job has not yet been seen to finish. */
export interface UnfinishedJob {
  id: string;
  jobName: JobName;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Locks up to `limit` undispatched rows (skipping rows another relay holds), hands them to
   * `dispatch`, and marks them dispatched in the same transaction. If `dispatch` throws, nothing
   * is marked and the rows are offered again.
   */
  async dispatchPending(
    limit: number,
    dispatch: (jobs: PendingJob[]) => Promise<void>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // The one place a payload's type is taken on trust. Rows are written only by
      // OutboxService.publish, whose payload the compiler checked against EventPayloads (and that
      // covers what the job reads), so a row read back is typed as the job it starts; BullMQ later
      // hands the worker this same data. A payload's shape may therefore only change in ways that
      // rows already waiting still satisfy.
      const rows: PendingJob[] = await manager.query(
        `SELECT id, job_name AS "jobName",
                jsonb_build_object('event', event, 'payload', payload) AS data
            FROM outbox
            WHERE dispatched_at IS NULL
            ORDER BY created_at, id
            LIMIT $1
            FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await dispatch(rows);
      await manager.query('UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::uuid[])', [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  /** Records that the job of row `id` ran to the end; a second run changes nothing. */
  async markFinished(id: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE outbox SET finished_at = now() WHERE id = $1 AND finished_at IS NULL',
      [id],
    );
  }

  /** Records that the job of row `id` used up its attempts. */
  async markFailed(id: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE outbox SET failed_at = now() WHERE id = $1 AND finished_at IS NULL',
      [id],
    );
  }

  /** Rows handed to BullMQ before `before` whose job has neither finished nor failed. */
  async unfinishedSince(before: Date, limit: number): Promise<UnfinishedJob[]> {
    return this.dataSource.query(
      `SELECT id, job_name AS "jobName" FROM outbox
          WHERE dispatched_at IS NOT NULL AND dispatched_at < $1
            AND finished_at IS NULL AND failed_at IS NULL
          ORDER BY dispatched_at, id
          LIMIT $2`,
      [before, limit],
    );
  }

  /** Rows whose job BullMQ still holds: looked at again only after another wait. */
  async confirmQueued(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      'UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::uuid[]) AND finished_at IS NULL',
      [ids],
    );
  }

  /** Rows whose job Redis lost: undispatched again, so the relay hands them over anew. */
  async requeue(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `WITH requeued AS (
         UPDATE outbox SET dispatched_at = NULL
           WHERE id = ANY($1::uuid[]) AND finished_at IS NULL AND failed_at IS NULL
           RETURNING 1
       ) SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT 1 FROM requeued LIMIT 1) once`,
      [ids],
    );
  }

  /** Seconds the oldest undispatched row has waited; 0 when none waits. */
  async lagSeconds(): Promise<number> {
    const [row]: { lag: string | null }[] = await this.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM now() - min(created_at)) AS lag FROM outbox WHERE dispatched_at IS NULL`,
    );
    return row.lag === null ? 0 : Number(row.lag);
  }

  async unfinishedCount(): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) AS count FROM outbox
          WHERE dispatched_at IS NOT NULL AND finished_at IS NULL AND failed_at IS NULL`,
    );
    return Number(row.count);
  }

  async pendingCount(): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(
      'SELECT count(*) AS count FROM outbox WHERE dispatched_at IS NULL',
    );
    return Number(row.count);
  }
}
