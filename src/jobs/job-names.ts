/** Every BullMQ queue. A job's queue decides which workers may run it. */
export enum QueueName {
  Accounts = 'accounts',
  Evidence = 'evidence',
}

/** Every job a worker can run. Start-up fails unless each has exactly one handler. */
export enum JobName {
  RecordAccountActivity = 'account-activity.record',
  ProcessEvidence = 'evidence.process',
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
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.RecordAccountActivity]: QueueName.Accounts,
  [JobName.ProcessEvidence]: QueueName.Evidence,
};

/** What runs after what: the jobs each outbox event starts, in one place. */
export const JOBS_OF_EVENT: Record<OutboxEvent, JobName[]> = {
  [OutboxEvent.AccountRegistered]: [JobName.RecordAccountActivity],
  [OutboxEvent.AccountSignedIn]: [JobName.RecordAccountActivity],
  // Recorded for the cross-referencing and integration workers of the next issues.
  [OutboxEvent.CaseCreated]: [],
  [OutboxEvent.CaseUpdated]: [],
  [OutboxEvent.MessagePosted]: [],
  [OutboxEvent.NoteAdded]: [],
  [OutboxEvent.EvidenceReceived]: [JobName.ProcessEvidence],
};
