import type { EvidenceKind } from '../evidence/evidence-kind';
import { OutboxEvent } from '../jobs/job-names';
import type { EventPayloads } from '../jobs/job-payloads';
import type { CaseEventKind, EventVisibility } from './case-event.entity';
import type { CaseOutcome, CaseStatus, ResolutionAction } from './case-status';
import type { CaseType } from './case-type';
import { CaseMove, outcomeAfter, transition } from './case-transitions';
import type { CaseEntity } from './case.entity';

/** Everything that can happen to a case. Each is written by CaseWriter, and only by it. */
export type CaseChange =
  | { kind: 'created' }
  | {
      kind: 'moved';
      move: CaseMove;
      /** The decision of a `resolve`. */
      outcome?: CaseOutcome;
      /** What the move says for itself on the timeline: a reason, a summary, a target case. */
      details?: Record<string, unknown>;
      /** Who decided, and why, for a `resolve` or a `merge`. */
      decision?: Decision;
      /** When the move is made; a decision and an appeal record it. */
      at?: Date;
      /** Made by staff answering the seller, which counts as the first response. */
      byStaff?: true;
      /** When the decision is due again, for a `reopen` or an `appeal`. */
      resolutionDueAt?: Date;
    }
  | {
      kind: 'claimed';
      assigneeId: string;
      leaseUntil: Date;
      /** Taken by the moderator, given by a colleague, or taken over from a lapsed claim. */
      how: 'claim' | 'assign' | 'takeover';
    }
  | { kind: 'released'; why: 'released' | 'lapsed' | 'decided' }
  /** On a duplicate: it now counts as `targetId`. Staff only: its seller may not know the target. */
  | { kind: 'merged_into'; targetId: string }
  /** On the target: a duplicate was merged into it. */
  | { kind: 'merged_in'; sourceId: string }
  | { kind: 'message_posted'; messageId: string; byStaff?: true }
  | { kind: 'service_levels_breached'; breached: ServiceLevel[]; at: Date }
  | { kind: 'note_added'; body: string }
  | { kind: 'evidence_added'; evidenceIds: string[] }
  | {
      kind: 'evidence_finished';
      evidenceId: string;
      evidenceKind: EvidenceKind;
      status: 'processed' | 'rejected';
      reason?: string;
      orderRows?: { orderRows: number; badRows: number };
    }
  /** Its last analysis step ran; `identifiersFound` for an item whose text was searched. */
  | { kind: 'evidence_analysed'; evidenceId: string; identifiersFound?: number }
  | { kind: 'original_downloaded'; evidenceId: string; sha256: string }
  | {
      kind: 'sighting_reviewed';
      sightingId: string;
      status: 'confirmed' | 'rejected';
      identifierKind: string;
      value: string;
    }
  | {
      kind: 'priority_raised';
      priority: number;
      offenderId: string;
      sellerCount: number;
      caseCount: number;
    }
  | { kind: 'reported_elsewhere_changed'; reportedElsewhere: boolean }
  /** The seller corrected the title or description; the timeline keeps what they replace. */
  | { kind: 'amended'; title?: string; description?: string }
  /** An identifier the seller forgot or OCR missed, added by the seller or a moderator. */
  | {
      kind: 'identifier_added';
      sightingId: string;
      identifierKind: string;
      display: string;
      source: 'seller_amendment' | 'moderator';
      reason: string;
    }
  /** Linking found an earlier case by the same shop naming the same accused. */
  | { kind: 'duplicate_suspected'; originalId: string }
  | { kind: 'marked_separate'; reason: string; at: Date };

export type ServiceLevel = 'first_response' | 'resolution';

export interface Decision {
  by: string;
  summary: string;
  actions: ResolutionAction[];
}

export type CaseFields = Partial<
  Pick<
    CaseEntity,
    | 'status'
    | 'outcome'
    | 'priority'
    | 'reportedElsewhere'
    | 'assigneeId'
    | 'claimExpiresAt'
    | 'decidedBy'
    | 'decidedAt'
    | 'resolutionSummary'
    | 'resolutionActions'
    | 'appealedAt'
    | 'waitingSince'
    | 'firstResponseAt'
    | 'resolutionDueAt'
    | 'firstResponseBreachedAt'
    | 'resolutionBreachedAt'
    | 'mergedInto'
    | 'title'
    | 'description'
    | 'likelyDuplicateOf'
    | 'markedSeparateAt'
  >
>;

/** An outbox event with the payload its contract declares. */
export type OutboxMessage = {
  [E in OutboxEvent]: { event: E; payload: EventPayloads[E] };
}[OutboxEvent];

/** What applying a change writes: the row's new fields, one timeline entry, outbox events. */
export interface CasePlan {
  set: CaseFields;
  /** A change that a case view shows moves the version, and with it the ETag. */
  bumpsVersion: boolean;
  event: { kind: CaseEventKind; visibility: EventVisibility; data: Record<string, unknown> };
  outbox: OutboxMessage[];
  /** Tells the seller's live progress stream to look again. */
  announces: boolean;
}

export type Planned = { ok: true; plan: CasePlan } | { ok: false; reason: string };

interface CaseState {
  id: string;
  type: CaseType;
  sellerId: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  title?: string;
  description?: string;
  likelyDuplicateOf?: string | null;
}

/** A case the seller may still correct: neither decided nor withdrawn. */
const CORRECTABLE: readonly CaseStatus[] = ['open', 'in_review', 'awaiting_seller', 'escalated'];

/** What `change` does to a case in `state`; a move the transition table refuses is refused. */
export function planChange(state: CaseState, change: CaseChange): Planned {
  const caseId = state.id;
  switch (change.kind) {
    case 'created':
      return planned({
        set: {},
        bumpsVersion: false,
        event: {
          kind: 'case_created',
          visibility: 'seller',
          data: { type: state.type },
        },
        outbox: [{ event: OutboxEvent.CaseCreated, payload: { caseId, sellerId: state.sellerId } }],
        announces: false,
      });
    case 'moved':
      return planMove(state, change);
    case 'message_posted':
      return planned({
        set: {},
        // The conversation is part of what the case shows: a new version, so its ETag moves on.
        bumpsVersion: true,
        event: {
          kind: 'message_posted',
          visibility: 'seller',
          data: { messageId: change.messageId },
        },
        outbox: [
          { event: OutboxEvent.MessagePosted, payload: { caseId, messageId: change.messageId } },
        ],
        announces: false,
      });
    case 'note_added':
      return planned({
        set: {},
        bumpsVersion: false,
        event: { kind: 'note_added', visibility: 'internal', data: { body: change.body } },
        outbox: [{ event: OutboxEvent.NoteAdded, payload: { caseId } }],
        announces: false,
      });
    case 'evidence_added':
      return planned({
        set: {},
        bumpsVersion: true,
        event: {
          kind: 'evidence_added',
          visibility: 'seller',
          data: { evidenceIds: change.evidenceIds },
        },
        outbox: change.evidenceIds.map((evidenceId) => ({
          event: OutboxEvent.EvidenceReceived,
          payload: { evidenceId, caseId },
        })),
        announces: true,
      });
    case 'evidence_finished':
      return planned({
        set: {},
        bumpsVersion: true,
        event: {
          kind: change.status === 'processed' ? 'evidence_processed' : 'evidence_rejected',
          visibility: 'seller',
          data: {
            evidenceId: change.evidenceId,
            ...(change.reason ? { reason: change.reason } : {}),
            ...(change.orderRows ?? {}),
          },
        },
        outbox:
          change.status === 'processed'
            ? [
                {
                  event: OutboxEvent.EvidenceProcessed,
                  payload: { evidenceId: change.evidenceId, caseId, kind: change.evidenceKind },
                },
              ]
            : [],
        announces: true,
      });
    case 'evidence_analysed':
      return planned({
        set: {},
        // The case view counts the evidence still being analysed.
        bumpsVersion: true,
        event: {
          kind: 'evidence_analysed',
          visibility: 'seller',
          data: {
            evidenceId: change.evidenceId,
            ...(change.identifiersFound !== undefined
              ? { identifiersFound: change.identifiersFound }
              : {}),
          },
        },
        outbox: [],
        announces: true,
      });
    case 'original_downloaded':
      return planned({
        set: {},
        bumpsVersion: false,
        event: {
          kind: 'original_downloaded',
          visibility: 'internal',
          data: { evidenceId: change.evidenceId, sha256: change.sha256 },
        },
        outbox: [],
        announces: false,
      });
    case 'sighting_reviewed':
      return planned({
        set: {},
        bumpsVersion: false,
        event: {
          kind: change.status === 'confirmed' ? 'sighting_confirmed' : 'sighting_rejected',
          visibility: 'internal',
          data: { sightingId: change.sightingId, kind: change.identifierKind, value: change.value },
        },
        outbox: [
          {
            event: OutboxEvent.SightingReviewed,
            payload: { sightingId: change.sightingId, caseId, status: change.status },
          },
        ],
        announces: false,
      });
    case 'priority_raised':
      return planned({
        set: { priority: change.priority },
        bumpsVersion: true,
        event: {
          kind: 'offender_flagged',
          visibility: 'internal',
          data: {
            offenderId: change.offenderId,
            sellerCount: change.sellerCount,
            caseCount: change.caseCount,
          },
        },
        outbox: [{ event: OutboxEvent.CaseRaised, payload: { caseId } }],
        announces: false,
      });
    case 'claimed':
      return planned({
        set: { assigneeId: change.assigneeId, claimExpiresAt: change.leaseUntil },
        bumpsVersion: true,
        event: {
          kind: 'case_claimed',
          visibility: 'internal',
          data: {
            assigneeId: change.assigneeId,
            until: change.leaseUntil.toISOString(),
            how: change.how,
          },
        },
        outbox: [],
        announces: false,
      });
    case 'released':
      return planned({
        set: { assigneeId: null, claimExpiresAt: null },
        bumpsVersion: true,
        event: { kind: 'claim_released', visibility: 'internal', data: { why: change.why } },
        outbox: [],
        announces: false,
      });
    case 'merged_into':
      return planned({
        set: { mergedInto: change.targetId },
        bumpsVersion: true,
        event: { kind: 'merged_into', visibility: 'internal', data: { targetId: change.targetId } },
        // Linking the duplicate again recounts its offenders, now with it as part of the target.
        outbox: [{ event: OutboxEvent.CaseUpdated, payload: { caseId, status: state.status } }],
        announces: false,
      });
    case 'merged_in':
      return planned({
        set: {},
        bumpsVersion: true,
        event: { kind: 'merged_in', visibility: 'internal', data: { sourceId: change.sourceId } },
        outbox: [],
        announces: false,
      });
    case 'service_levels_breached':
      return planned({
        set: {
          ...(change.breached.includes('first_response')
            ? { firstResponseBreachedAt: change.at }
            : {}),
          ...(change.breached.includes('resolution') ? { resolutionBreachedAt: change.at } : {}),
        },
        bumpsVersion: true,
        event: {
          kind: 'service_levels_breached',
          visibility: 'internal',
          data: { breached: change.breached },
        },
        outbox: [],
        announces: false,
      });
    case 'amended':
      return planAmendment(state, change);
    case 'identifier_added':
      return planIdentifierAdded(state, change);
    case 'duplicate_suspected':
      return planned({
        set: { likelyDuplicateOf: change.originalId },
        bumpsVersion: true,
        event: {
          kind: 'duplicate_suspected',
          visibility: 'internal',
          data: { originalId: change.originalId },
        },
        // Ranked again: moderators see the suggestion to merge.
        outbox: [{ event: OutboxEvent.CaseRaised, payload: { caseId } }],
        announces: false,
      });
    case 'marked_separate':
      if (!state.likelyDuplicateOf) {
        return { ok: false, reason: 'The case is not a likely duplicate.' };
      }
      return planned({
        set: { markedSeparateAt: change.at },
        bumpsVersion: true,
        event: {
          kind: 'marked_separate',
          visibility: 'internal',
          data: { originalId: state.likelyDuplicateOf, reason: change.reason },
        },
        // Linking recounts its offenders, for which the case now counts.
        outbox: [{ event: OutboxEvent.CaseUpdated, payload: { caseId, status: state.status } }],
        announces: false,
      });
    case 'reported_elsewhere_changed':
      return planned({
        set: { reportedElsewhere: change.reportedElsewhere },
        bumpsVersion: true,
        event: {
          kind: 'reported_elsewhere_changed',
          visibility: 'internal',
          data: { reportedElsewhere: change.reportedElsewhere },
        },
        outbox: [],
        announces: false,
      });
  }
}

function planAmendment(
  state: CaseState,
  change: Extract<CaseChange, { kind: 'amended' }>,
): Planned {
  if (!CORRECTABLE.includes(state.status)) {
    return { ok: false, reason: `A ${state.status} case can no longer be amended.` };
  }
  const set: CaseFields = {};
  const previous: Record<string, string | undefined> = {};
  if (change.title !== undefined && change.title !== state.title) {
    set.title = change.title;
    previous.title = state.title;
  }
  if (change.description !== undefined && change.description !== state.description) {
    set.description = change.description;
    previous.description = state.description;
  }
  return planned({
    set,
    bumpsVersion: true,
    event: { kind: 'case_amended', visibility: 'seller', data: { previous } },
    outbox: [],
    announces: false,
  });
}

function planIdentifierAdded(
  state: CaseState,
  change: Extract<CaseChange, { kind: 'identifier_added' }>,
): Planned {
  if (change.source === 'seller_amendment' && !CORRECTABLE.includes(state.status)) {
    return {
      ok: false,
      reason: `A ${state.status} case can no longer be corrected; a moderator can still add an identifier.`,
    };
  }
  return planned({
    set: {},
    bumpsVersion: true,
    event: {
      kind: 'identifier_added',
      // The seller sees their own correction; a moderator's reason is staff's.
      visibility: change.source === 'seller_amendment' ? 'seller' : 'internal',
      data: {
        sightingId: change.sightingId,
        kind: change.identifierKind,
        display: change.display,
        source: change.source,
        reason: change.reason,
      },
    },
    outbox: [
      {
        event: OutboxEvent.IdentifierAdded,
        payload: { caseId: state.id, sightingId: change.sightingId },
      },
    ],
    announces: true,
  });
}

function planMove(state: CaseState, change: Extract<CaseChange, { kind: 'moved' }>): Planned {
  const moved = transition(state.status, change.move);
  if (!moved.ok) return { ok: false, reason: moved.reason };
  const outcome = outcomeAfter(change.move, change.outcome, state.outcome);
  return planned({
    set: {
      status: moved.to,
      outcome,
      ...decisionFields(change),
      ...(HANDS_TO_MODERATORS.includes(change.move)
        ? { waitingSince: change.at ?? new Date() }
        : {}),
    },
    bumpsVersion: true,
    event: {
      kind: change.move === 'withdraw' ? 'withdrawn' : 'status_changed',
      visibility: 'seller',
      data: {
        from: state.status,
        ...(change.move === 'withdraw' ? {} : { to: moved.to, move: change.move }),
        ...(outcome !== state.outcome ? { outcome } : {}),
        ...change.details,
      },
    },
    // A status change may withdraw or decide a complaint, which changes what counts for offenders.
    outbox: [{ event: OutboxEvent.CaseUpdated, payload: { caseId: state.id, status: moved.to } }],
    announces: false,
  });
}

/**
 * Moves that start a new round of waiting on moderators. A seller's answer does not: the case
 * has waited since it was filed, and the answer raises it by a term of its own.
 */
const HANDS_TO_MODERATORS: readonly CaseMove[] = ['appeal', 'reopen'];

/** A decision records who and why; reopening or appealing one takes its reasons off the case. */
function decisionFields(change: Extract<CaseChange, { kind: 'moved' }>): CaseFields {
  if (change.decision) {
    return {
      decidedBy: change.decision.by,
      decidedAt: change.at ?? new Date(),
      resolutionSummary: change.decision.summary,
      resolutionActions: change.decision.actions,
    };
  }
  const dueAgain = change.resolutionDueAt
    ? { resolutionDueAt: change.resolutionDueAt, resolutionBreachedAt: null }
    : {};
  // A duplicate reopened or appealed stands on its own again.
  if (change.move === 'reopen') {
    return { resolutionSummary: null, resolutionActions: [], mergedInto: null, ...dueAgain };
  }
  if (change.move === 'appeal') {
    return {
      resolutionSummary: null,
      resolutionActions: [],
      mergedInto: null,
      appealedAt: change.at ?? new Date(),
      ...dueAgain,
    };
  }
  return {};
}

function planned(plan: CasePlan): Planned {
  return { ok: true, plan };
}
