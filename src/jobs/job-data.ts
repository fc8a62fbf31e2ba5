import { JobName } from './job-names';
import { EventsOf, JobPayloads } from './job-payloads';

/** The event that started a run of job J; null for a job its schedule starts. */
export type EventOf<J extends JobName> = [EventsOf<J>] extends [never] ? null : EventsOf<J>;

/** What a queued job carries: the event that started it and its payload, never whole records. */
export type JobData<J extends JobName = JobName> = {
  [Name in J]: { event: EventOf<Name>; payload: JobPayloads[Name] };
}[J];

/** What the handler of job J receives; a job started by several events can tell them apart. */
export type JobContext<J extends JobName = JobName> = JobData<J> & {
  /**
   * The outbox row id, or for a scheduled run `repeat:<job>:<slot time>`: stable across retries
   * and redeliveries, so handlers key on it.
   */
  jobId: string;
  attempt: number;
};
