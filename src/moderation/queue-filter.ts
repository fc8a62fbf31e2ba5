import { UNDECIDED } from '../cases/case-transitions';
import { REPEAT_OFFENDER_PRIORITY } from '../intel/offenders/offender-facts.service';
import type { QueueQueryDto } from './queue-query.dto';

/** A WHERE clause over `cases c` and its parameters, numbered from $1. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The queue's filters as SQL. `withStatus: false` leaves the status filter out, for the counts
 * per status. A claim past its lease counts as no claim.
 */
export function queueCondition(
  query: QueueQueryDto,
  moderatorId: string,
  now: Date,
  withStatus = true,
): SqlCondition {
  const params: unknown[] = [];
  const parameter = (value: unknown) => `$${params.push(value)}`;
  // Written out, not a parameter, so the planner can use the queue's partial index.
  const clauses = [`c.status IN (${UNDECIDED.map((status) => `'${status}'`).join(', ')})`];
  if (withStatus && query.status) clauses.push(`c.status = ${parameter(query.status)}`);
  if (query.type) clauses.push(`c.type = ${parameter(query.type)}`);
  if (query.platform) clauses.push(`c.platform = ${parameter(query.platform)}`);
  if (query.repeatOffender) clauses.push(`c.priority >= ${parameter(REPEAT_OFFENDER_PRIORITY)}`);
  if (query.breached) {
    const at = parameter(now);
    clauses.push(
      `(c.first_response_breached_at IS NOT NULL OR c.resolution_breached_at IS NOT NULL
        OR (c.first_response_at IS NULL AND c.first_response_due_at <= ${at})
        OR c.resolution_due_at <= ${at})`,
    );
  }
  if (query.assignee === 'none') {
    clauses.push(`(c.assignee_id IS NULL OR c.claim_expires_at <= ${parameter(now)})`);
  } else if (query.assignee) {
    const assignee = query.assignee === 'me' ? moderatorId : query.assignee.toLowerCase();
    clauses.push(
      `c.assignee_id = ${parameter(assignee)}::uuid AND c.claim_expires_at > ${parameter(now)}`,
    );
  }
  return { sql: clauses.join(' AND '), params };
}
