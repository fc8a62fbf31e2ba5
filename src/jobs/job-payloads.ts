import type { CaseStatus } from '../cases/case-status';
import type { EvidenceKind } from '../evidence/evidence-kind';
import type { SightingStatus } from '../identifiers/sighting.entity';
import { JOBS_OF_EVENT, JobName, OutboxEvent } from './job-names';

/**
 * What each outbox event carries: ids, and the few facts its jobs branch on, never whole records.
 * `OutboxService.publish` takes exactly this for its event.
 */
export interface EventPayloads {
  [OutboxEvent.AccountRegistered]: { userId: string; sessionId: string };
  [OutboxEvent.AccountSignedIn]: { userId: string; sessionId: string };
  [OutboxEvent.CaseCreated]: { caseId: string; sellerId: string };
  [OutboxEvent.CaseUpdated]: { caseId: string; status: CaseStatus };
  [OutboxEvent.MessagePosted]: { caseId: string; messageId: string };
  [OutboxEvent.NoteAdded]: { caseId: string };
  [OutboxEvent.EvidenceReceived]: { evidenceId: string; caseId: string };
  [OutboxEvent.EvidenceProcessed]: { evidenceId: string; caseId: string; kind: EvidenceKind };
  [OutboxEvent.SightingsExtracted]: { caseId: string; evidenceId: string };
  [OutboxEvent.SightingReviewed]: { sightingId: string; caseId: string; status: SightingStatus };
  [OutboxEvent.OffenderFlagged]: { offenderId: string; sellerCount: number; caseCount: number };
  [OutboxEvent.CaseRaised]: { caseId: string };
  [OutboxEvent.CampaignDetected]: { campaignId: string };
  [OutboxEvent.IdentifierAdded]: { caseId: string; sightingId: string };
  [OutboxEvent.ShopVerified]: { shopId: string };
  [OutboxEvent.ScreenshotRehashDue]: { evidenceId: string };
  [OutboxEvent.ScreenshotRehashed]: { evidenceId: string; kind: EvidenceKind };
}

/**
 * What each job reads from its payload: the common part of what the events that start it carry,
 * checked below, or nothing for a job that SCHEDULE_OF_JOB starts. A handler of job J receives
 * `JobContext<J>` (job-data.ts) with this payload.
 */
export interface JobPayloads {
  [JobName.RecordAccountActivity]: { sessionId: string };
  [JobName.ProcessEvidence]: { evidenceId: string };
  [JobName.RehashScreenshot]: { evidenceId: string };
  [JobName.LinkCase]: { caseId: string };
  [JobName.ReadEvidenceText]: { evidenceId: string; kind: EvidenceKind };
  [JobName.MatchScreenshot]: { evidenceId: string; kind: EvidenceKind };
  [JobName.DetectCampaigns]: { evidenceId: string; kind: EvidenceKind };
  // Scheduled: a run needs nothing but the time, which the handler reads from the Clock.
  [JobName.SweepIdempotencyKeys]: NoPayload;
  [JobName.SweepEvidence]: NoPayload;
  [JobName.RescoreOffenders]: NoPayload;
  [JobName.ReconcileOutbox]: NoPayload;
  [JobName.LapseClaims]: NoPayload;
  [JobName.RankCase]: { caseId: string };
  [JobName.RankOffenderCases]: { offenderId: string };
  [JobName.RankCampaignCases]: { campaignId: string };
  [JobName.RankDueCases]: NoPayload;
  [JobName.CheckServiceLevels]: NoPayload;
  [JobName.RecountShopOffenders]: { shopId: string };
}

export type NoPayload = Record<string, never>;

type JobTable = Partial<Record<OutboxEvent, readonly JobName[]>>;
type JobsIn<Table extends JobTable, E extends keyof Table> = Table[E] extends readonly (infer J)[]
  ? J & JobName
  : never;

/** The events that start job J. */
export type EventsOf<J extends JobName> = {
  [E in OutboxEvent]: J extends JobsIn<typeof JOBS_OF_EVENT, E> ? E : never;
}[OutboxEvent];

/** The "event → job" pairs of `Table` whose event lacks something the job reads. */
export type UnmetNeeds<Table extends JobTable> = {
  [E in keyof Table & OutboxEvent]: {
    [J in JobsIn<Table, E>]: EventPayloads[E] extends JobPayloads[J] ? never : `${E} → ${J}`;
  }[JobsIn<Table, E>];
}[keyof Table & OutboxEvent];

/** Accepts only `never`: a pair named in the error is an event that cannot start its job. */
export type NoneOf<Unmet extends never> = Unmet;

/** Compiles only while every event in JOBS_OF_EVENT carries what each of its jobs reads. */
export type EveryEventCarriesWhatItsJobsRead = NoneOf<UnmetNeeds<typeof JOBS_OF_EVENT>>;
