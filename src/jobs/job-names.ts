import type { ScheduleIntervals } from '../config/app-config';

/** Every BullMQ queue. A job's queue decides which workers may run it. */
export enum QueueName {
  Accounts = 'accounts',
  Evidence = 'evidence',
  Intel = 'intel',
  // OCR is slow: its own queue keeps it from holding up linking.
  Ocr = 'ocr',
  // Timed work: a long sweep here holds up neither evidence nor linking.
  Maintenance = 'maintenance',
  // Ranking the moderation queue: a flagged offender's thousand cases wait on no one else.
  Moderation = 'moderation',
}

/** Every job a worker can run. Start-up fails unless each has exactly one handler. */
export enum JobName {
  RecordAccountActivity = 'account-activity.record',
  ProcessEvidence = 'evidence.process',
  RehashScreenshot = 'evidence.rehash-screenshot',
  LinkCase = 'intel.link-case',
  ReadEvidenceText = 'intel.read-evidence-text',
  MatchScreenshot = 'intel.match-screenshot',
  DetectCampaigns = 'intel.detect-campaigns',
  SweepIdempotencyKeys = 'idempotency.sweep-keys',
  SweepEvidence = 'evidence.sweep',
  RescoreOffenders = 'intel.rescore-offenders',
  ReconcileOutbox = 'outbox.reconcile',
  LapseClaims = 'moderation.lapse-claims',
  RankCase = 'moderation.rank-case',
  RankOffenderCases = 'moderation.rank-offender-cases',
  RankCampaignCases = 'moderation.rank-campaign-cases',
  RankDueCases = 'moderation.rank-due-cases',
  CheckServiceLevels = 'moderation.check-service-levels',
  RecountShopOffenders = 'intel.recount-shop-offenders',
}

/** Every event a transaction can write to the outbox. */
export enum OutboxEvent {
  AccountRegistered = 'account.registered',
  AccountSignedIn = 'account.signed-in',
  CaseCreated = 'case.created',
  CaseUpdated = 'case.updated',
  MessagePosted = 'message.posted',
  NoteAdded = 'note.added',
  EvidenceReceived = 'evidence.received',
  EvidenceProcessed = 'evidence.processed',
  SightingsExtracted = 'sightings.extracted',
  SightingReviewed = 'sighting.reviewed',
  OffenderFlagged = 'offender.flagged',
  /** Linking raised a case for a repeat offender it named. */
  CaseRaised = 'case.raised',
  CampaignDetected = 'campaign.detected',
  /** A seller or moderator added an identifier by hand: linked at once. */
  IdentifierAdded = 'identifier.added',
  /** A moderator verified a shop: its offenders count their verified victims again. */
  ShopVerified = 'shop.verified',
  /** A screenshot hashed before the hash changed: the migration that changed it writes these. */
  ScreenshotRehashDue = 'screenshot.rehash-due',
  ScreenshotRehashed = 'screenshot.rehashed',
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.RecordAccountActivity]: QueueName.Accounts,
  [JobName.ProcessEvidence]: QueueName.Evidence,
  [JobName.RehashScreenshot]: QueueName.Evidence,
  [JobName.LinkCase]: QueueName.Intel,
  [JobName.ReadEvidenceText]: QueueName.Ocr,
  [JobName.MatchScreenshot]: QueueName.Intel,
  [JobName.DetectCampaigns]: QueueName.Intel,
  [JobName.SweepIdempotencyKeys]: QueueName.Maintenance,
  [JobName.SweepEvidence]: QueueName.Maintenance,
  [JobName.RescoreOffenders]: QueueName.Maintenance,
  [JobName.ReconcileOutbox]: QueueName.Maintenance,
  [JobName.LapseClaims]: QueueName.Maintenance,
  [JobName.RankCase]: QueueName.Moderation,
  [JobName.RankOffenderCases]: QueueName.Moderation,
  [JobName.RankCampaignCases]: QueueName.Moderation,
  [JobName.RankDueCases]: QueueName.Maintenance,
  [JobName.CheckServiceLevels]: QueueName.Maintenance,
  [JobName.RecountShopOffenders]: QueueName.Intel,
};

/**
 * What runs after what: the jobs each outbox event starts, in one place. Kept literal (`as const`)
 * so job-payloads.ts can check that each event carries what its jobs read.
 */
export const JOBS_OF_EVENT = {
  [OutboxEvent.AccountRegistered]: [JobName.RecordAccountActivity],
  [OutboxEvent.AccountSignedIn]: [JobName.RecordAccountActivity],
  [OutboxEvent.CaseCreated]: [JobName.LinkCase, JobName.RankCase],
  // A status change may withdraw or reject a complaint, which then stops counting for offenders;
  // and it moves the case in, out of or up the moderation queue.
  [OutboxEvent.CaseUpdated]: [JobName.LinkCase, JobName.RankCase],
  // A staff message may be the first response, which the service-level term of the rank reads.
  [OutboxEvent.MessagePosted]: [JobName.RankCase],
  [OutboxEvent.NoteAdded]: [],
  [OutboxEvent.EvidenceReceived]: [JobName.ProcessEvidence],
  // Each handler takes only its own kinds: chat screenshots and logs, screenshots, order exports.
  [OutboxEvent.EvidenceProcessed]: [
    JobName.ReadEvidenceText,
    JobName.MatchScreenshot,
    JobName.DetectCampaigns,
  ],
  [OutboxEvent.SightingsExtracted]: [JobName.LinkCase],
  [OutboxEvent.SightingReviewed]: [],
  [OutboxEvent.OffenderFlagged]: [JobName.RankOffenderCases],
  [OutboxEvent.CaseRaised]: [JobName.RankCase],
  [OutboxEvent.CampaignDetected]: [JobName.RankCampaignCases],
  [OutboxEvent.IdentifierAdded]: [JobName.LinkCase],
  [OutboxEvent.ShopVerified]: [JobName.RecountShopOffenders],
  [OutboxEvent.ScreenshotRehashDue]: [JobName.RehashScreenshot],
  // Matched again under the new hash, against every screenshot already rehashed or new.
  [OutboxEvent.ScreenshotRehashed]: [JobName.MatchScreenshot],
} as const satisfies Record<OutboxEvent, readonly JobName[]>;

/**
 * Timed work, which no event starts: each job here is a BullMQ job scheduler that every worker
 * declares at start-up, so it runs once per interval however many workers run. Each names its
 * interval in the config (`jobs.everyMs`).
 */
export const SCHEDULE_OF_JOB = {
  [JobName.SweepIdempotencyKeys]: 'idempotencySweep',
  [JobName.SweepEvidence]: 'evidenceSweep',
  // The risk score's recency part fades while linking rescores only offenders whose cases change.
  [JobName.RescoreOffenders]: 'offenderRescore',
  // Hands back to the queue outbox rows whose job a Redis that lost its data no longer holds.
  [JobName.ReconcileOutbox]: 'outboxReconcile',
  // A claim whose moderator went quiet goes back to the queue.
  [JobName.LapseClaims]: 'claimLapse',
  // Waiting time, deadlines and seller age move ranks with the clock: cases whose rank is due.
  [JobName.RankDueCases]: 'queueRank',
  // Marks cases past their service levels, and escalates them.
  [JobName.CheckServiceLevels]: 'slaCheck',
} as const satisfies Partial<Record<JobName, keyof ScheduleIntervals>>;

export type ScheduledJob = keyof typeof SCHEDULE_OF_JOB;
