import type { Response } from 'express';
import type { Outcome } from '../common/idempotency/idempotency.service';

/** Sends an idempotent outcome's status, and says so when it is the first response replayed. */
export function applyOutcome<T>(response: Response, outcome: Outcome<T>): T {
  response.status(outcome.status);
  if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return outcome.body;
}
