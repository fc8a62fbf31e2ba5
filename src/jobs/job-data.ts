import { OutboxEvent } from './job-names';

/** What a job carries: the event that caused it and ids, never whole records. */
export interface JobData {
  event: OutboxEvent;
  payload: Record<string, string | number | boolean | null>;
}

export interface JobContext extends JobData {
  /** The outbox row id: stable across retries and redeliveries, so handlers key on it. */
  jobId: string;
  attempt: number;
}
