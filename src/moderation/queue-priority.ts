import type { CaseStatus } from '../cases/case-status';
import type { CaseType } from '../cases/case-type';
import type { PriorityTerm } from '../cases/priority-term';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How much each kind of complaint weighs before anything else is known. */
export const TYPE_SEVERITY: Record<CaseType, number> = {
  extortion: 40,
  ad_click_attack: 25,
  malicious_purchase: 20,
  fake_review_ring: 20,
  malicious_review: 15,
  other: 5,
};

export const REPEAT_OFFENDER_POINTS = 30;
export const CAMPAIGN_POINTS = 20;
export const APPEAL_POINTS = 10;
/** The seller has answered a moderator's question: the case is theirs to pick up again. */
export const ANSWERED_POINTS = 15;
/** Waiting on the seller: nothing for a moderator to do until they answer. */
export const AWAITING_SELLER_POINTS = -30;
const AMOUNT_MAX_POINTS = 15;
/** A demand due within this many hours weighs more as it nears, up to DEADLINE_MAX_POINTS. */
const DEADLINE_WINDOW_HOURS = 72;
const DEADLINE_MAX_POINTS = 25;
/** A seller younger than this many days weighs more: new shops are the ones blackmailed. */
const NEW_SELLER_DAYS = 30;
const NEW_SELLER_MAX_POINTS = 10;
/** A service level due within this many hours weighs more as it nears, up to its maximum. */
const SERVICE_LEVEL_WINDOW_HOURS = 8;
const SERVICE_LEVEL_MAX_POINTS = 25;
/** One point per WAIT_STEP_HOURS waited for moderators, up to WAIT_MAX_POINTS. */
const WAIT_STEP_HOURS = 2;
const WAIT_MAX_POINTS = 24;

export interface PriorityInputs {
  type: CaseType;
  status: CaseStatus;
  repeatOffender: boolean;
  inCampaign: boolean;
  /** The amount demanded, in its own currency's units; null when none was. */
  amountDemanded: number | null;
  demandDeadline: Date | null;
  sellerSince: Date;
  waitingSince: Date;
  appealed: boolean;
  /** The latest move was the seller answering a request for information. */
  answered: boolean;
  /** The service level the case works towards now (first response, then decision). */
  serviceLevelDueAt: Date | null;
}

export interface QueuePriority {
  priority: number;
  terms: PriorityTerm[];
  /** When a time-dependent term next changes; null when none will. */
  rescoreAt: Date | null;
}

/**
 * The moderation queue's rank of a case at `now`: the sum of the terms below, each kept with its
 * points so a moderator sees why the case ranks where it does. The README prints the formula.
 */
export function queuePriority(inputs: PriorityInputs, now: Date): QueuePriority {
  const terms: PriorityTerm[] = [
    { term: 'severity', points: TYPE_SEVERITY[inputs.type], detail: inputs.type },
  ];
  const changes: (Date | null)[] = [];
  if (inputs.repeatOffender)
    terms.push({ term: 'repeat_offender', points: REPEAT_OFFENDER_POINTS });
  if (inputs.inCampaign) terms.push({ term: 'campaign', points: CAMPAIGN_POINTS });
  if (inputs.appealed) terms.push({ term: 'appeal', points: APPEAL_POINTS });
  if (inputs.status === 'awaiting_seller') {
    terms.push({ term: 'awaiting_seller', points: AWAITING_SELLER_POINTS });
  } else if (inputs.answered) {
    terms.push({ term: 'seller_answered', points: ANSWERED_POINTS });
  }
  if (inputs.amountDemanded !== null && inputs.amountDemanded > 0) {
    const points = Math.min(AMOUNT_MAX_POINTS, 5 * Math.log10(1 + inputs.amountDemanded));
    terms.push({
      term: 'amount_demanded',
      points: round(points),
      detail: String(inputs.amountDemanded),
    });
  }
  const nearing = [
    ['deadline', inputs.demandDeadline, DEADLINE_WINDOW_HOURS, DEADLINE_MAX_POINTS],
    [
      'service_level',
      inputs.serviceLevelDueAt,
      SERVICE_LEVEL_WINDOW_HOURS,
      SERVICE_LEVEL_MAX_POINTS,
    ],
  ] as const;
  for (const [term, due, windowHours, maxPoints] of nearing) {
    if (!due) continue;
    const near = approaching(due, now, windowHours, maxPoints);
    if (near.points > 0) terms.push({ term, points: near.points, detail: near.detail });
    changes.push(near.next);
  }
  const seller = steps(inputs.sellerSince, now, DAY_MS, NEW_SELLER_DAYS);
  if (seller.elapsed < NEW_SELLER_DAYS) {
    const points = round(NEW_SELLER_MAX_POINTS * (1 - seller.elapsed / NEW_SELLER_DAYS));
    terms.push({ term: 'new_seller', points, detail: `${seller.elapsed} days` });
  }
  changes.push(seller.next);
  const waited = steps(inputs.waitingSince, now, WAIT_STEP_HOURS * HOUR_MS, WAIT_MAX_POINTS);
  if (waited.elapsed > 0) {
    terms.push({
      term: 'waiting',
      points: waited.elapsed,
      detail: `${waited.elapsed * WAIT_STEP_HOURS} h`,
    });
  }
  changes.push(waited.next);
  const priority = round(terms.reduce((sum, term) => sum + term.points, 0));
  return { priority, terms, rescoreAt: earliest(changes) };
}

/**
 * Points for a time drawing near: they rise by the hour over the last `windowHours` before it,
 * to `maxPoints`, and stay there once it has passed. Also when they next change.
 */
function approaching(
  due: Date,
  now: Date,
  windowHours: number,
  maxPoints: number,
): { points: number; detail: string; next: Date | null } {
  const hoursLeft = Math.ceil((due.getTime() - now.getTime()) / HOUR_MS);
  const points =
    hoursLeft <= 0
      ? maxPoints
      : hoursLeft >= windowHours
        ? 0
        : round(maxPoints * (1 - hoursLeft / windowHours));
  const next =
    hoursLeft <= 0
      ? null
      : new Date(due.getTime() - (Math.min(hoursLeft, windowHours) - 1) * HOUR_MS);
  return { points, detail: hoursLeft <= 0 ? 'passed' : `${hoursLeft} h left`, next };
}

/** Whole `stepMs` steps since `from`, capped at `max`, and when the next one begins. */
function steps(
  from: Date,
  now: Date,
  stepMs: number,
  max: number,
): { elapsed: number; next: Date | null } {
  const elapsed = Math.max(0, Math.floor((now.getTime() - from.getTime()) / stepMs));
  if (elapsed >= max) return { elapsed: max, next: null };
  return { elapsed, next: new Date(from.getTime() + (elapsed + 1) * stepMs) };
}

function earliest(dates: (Date | null)[]): Date | null {
  const times = dates.filter((date): date is Date => date !== null).map((date) => date.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

function round(points: number): number {
  return Math.round(points * 10) / 10;
}
