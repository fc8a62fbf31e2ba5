import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobData } from './job-data';
import { JobName, OutboxEvent } from './job-names';

export interface PendingJob {
  id: string;
  jobName: JobName;
  data: JobData;
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
      const rows: {
        id: string;
        event: OutboxEvent;
        job_name: JobName;
        payload: JobData['payload'];
      }[] = await manager.query(
        `SELECT id, event, job_name, payload FROM outbox
            WHERE dispatched_at IS NULL
            ORDER BY created_at, id
            LIMIT $1
            FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await dispatch(
        rows.map((row) => ({
          id: row.id,
          jobName: row.job_name,
          data: { event: row.event, payload: row.payload },
        })),
      );
      await manager.query('UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::uuid[])', [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  /** Seconds the oldest undispatched row has waited; 0 when none waits. */
  async lagSeconds(): Promise<number> {
    const [row]: { lag: string | null }[] = await this.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM now() - min(created_at)) AS lag FROM outbox WHERE dispatched_at IS NULL`,
    );
    return row.lag === null ? 0 : Number(row.lag);
  }

  async pendingCount(): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(
      'SELECT count(*) AS count FROM outbox WHERE dispatched_at IS NULL',
    );
    return Number(row.count);
  }
}
