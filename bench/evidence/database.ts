import { Client } from 'pg';
import { fmt } from '../lib/report';
import { resetStorage as resetBenchStorage } from '../lib/storage';

// The benchmark's own database and Redis keys, and the questions it asks them: how far the worker
// has got, and when the first screenshot job was handed to the queue and the last one finished.

export const DATABASE = 'bulwark_bench_evidence';
export const DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DATABASE}`;
export const REDIS_KEY_PREFIX = 'bulwark_bench_evidence';

/** Every run starts empty: Bulwark creates and migrates the database at start-up. */
export function resetStorage(): Promise<void> {
  return resetBenchStorage(DATABASE, REDIS_KEY_PREFIX);
}

/** A client of the benchmark database for the whole run. */
export async function connectDatabase(): Promise<Client> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  return client;
}

/** Evidence of `kind`, and how much of it the worker has finished (processed or rejected). */
export async function evidenceProgress(
  client: Client,
  kind: string,
): Promise<{ total: number; finished: number }> {
  const { rows } = await client.query<{ total: string; finished: string }>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE status IN ('processed', 'rejected')) AS finished
       FROM evidence WHERE kind = $1`,
    [kind],
  );
  return { total: Number(rows[0].total), finished: Number(rows[0].finished) };
}

export interface StatusCount {
  kind: string;
  status: string;
  count: number;
}

export async function evidenceStatuses(client: Client): Promise<StatusCount[]> {
  const { rows } = await client.query<{ kind: string; status: string; n: string }>(
    `SELECT kind, status, count(*) AS n FROM evidence GROUP BY kind, status ORDER BY kind, status`,
  );
  return rows.map((row) => ({ kind: row.kind, status: row.status, count: Number(row.n) }));
}

export interface DrainWindow {
  /** When the relay handed the first screenshot job to the queue. */
  firstDispatched: Date;
  /** When the last screenshot was finished. */
  lastFinished: Date;
  screenshots: number;
}

/**
 * The window in which the worker turned the queued screenshots into previews: the relay's
 * dispatch of the first one (the job can start right after) to the last one's processed_at.
 */
export async function screenshotDrainWindow(client: Client): Promise<DrainWindow> {
  const { rows } = await client.query<{ first: Date; last: Date; n: string }>(
    `SELECT (SELECT min(o.dispatched_at) FROM outbox o
               JOIN evidence e ON e.id = (o.payload->>'evidenceId')::uuid
              WHERE o.event = 'evidence.received' AND e.kind = 'chat_screenshot') AS first,
            max(processed_at) AS last, count(*) AS n
       FROM evidence WHERE kind = 'chat_screenshot'`,
  );
  return {
    firstDispatched: rows[0].first,
    lastFinished: rows[0].last,
    screenshots: Number(rows[0].n),
  };
}

/** Backends connected to the benchmark database, other than this client's own. */
export async function backendPids(client: Client): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [DATABASE],
  );
  return rows.map((row) => row.pid);
}

export async function postgresSettings(client: Client): Promise<string> {
  const { rows } = await client.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings
      WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers')`,
  );
  const of = (name: string) => rows.find((row) => row.name === name)?.setting ?? '?';
  return `PostgreSQL ${of('server_version')} on 127.0.0.1 (fsync=${of('fsync')}, synchronous_commit=${of('synchronous_commit')}, shared_buffers=${fmt((Number(of('shared_buffers')) * 8) / 1024)} MiB); database ${DATABASE} and Redis prefix ${REDIS_KEY_PREFIX}, both emptied at the start of every run`;
}
