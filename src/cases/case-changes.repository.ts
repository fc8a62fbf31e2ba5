import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { entityFromRow } from '../database/entity-from-row';
import type { CaseFields } from './case-change';
import { CaseEventEntity, CaseEventKind, EventVisibility } from './case-event.entity';
import { newCaseReference } from './case-reference';
import { CaseEntity } from './case.entity';
import type { NewCase } from './cases.repository';
import type { LockedCase } from './locked-case';

/** A timeline entry before it is numbered. */
export interface EventDraft {
  actorId: string | null;
  kind: CaseEventKind;
  visibility: EventVisibility;
  data: Record<string, unknown>;
}

export interface CaseWithEvent {
  kase: LockedCase;
  event: CaseEventEntity;
}

const REFERENCE_ATTEMPTS = 5;

/** The column and SQL type of each field a change may set; names here are never user input. */
const FIELD_COLUMNS: Record<keyof CaseFields, { column: string; cast: string }> = {
  status: { column: 'status', cast: 'text' },
  outcome: { column: 'outcome', cast: 'text' },
  priority: { column: 'priority', cast: 'integer' },
  reportedElsewhere: { column: 'reported_elsewhere', cast: 'boolean' },
  assigneeId: { column: 'assignee_id', cast: 'uuid' },
  claimExpiresAt: { column: 'claim_expires_at', cast: 'timestamptz' },
  decidedBy: { column: 'decided_by', cast: 'uuid' },
  decidedAt: { column: 'decided_at', cast: 'timestamptz' },
  resolutionSummary: { column: 'resolution_summary', cast: 'text' },
  resolutionActions: { column: 'resolution_actions', cast: 'text[]' },
  appealedAt: { column: 'appealed_at', cast: 'timestamptz' },
  waitingSince: { column: 'waiting_since', cast: 'timestamptz' },
  firstResponseAt: { column: 'first_response_at', cast: 'timestamptz' },
  resolutionDueAt: { column: 'resolution_due_at', cast: 'timestamptz' },
  firstResponseBreachedAt: { column: 'first_response_breached_at', cast: 'timestamptz' },
  resolutionBreachedAt: { column: 'resolution_breached_at', cast: 'timestamptz' },
  mergedInto: { column: 'merged_into', cast: 'uuid' },
  title: { column: 'title', cast: 'text' },
  description: { column: 'description', cast: 'text' },
  likelyDuplicateOf: { column: 'likely_duplicate_of', cast: 'uuid' },
  markedSeparateAt: { column: 'marked_separate_at', cast: 'timestamptz' },
};
const FIELDS = Object.keys(FIELD_COLUMNS) as (keyof CaseFields)[];

/** The event half of each statement: it numbers the entry from the row it just wrote. */
const EVENT_OF_ROW = `event AS (
         INSERT INTO case_events (case_id, case_seq, actor_id, kind, visibility, data)
         SELECT id, last_event_seq, $E1, $E2, $E3, $E4 FROM written
         RETURNING id AS event_id, position AS event_position, occurred_at AS event_occurred_at
       )
       SELECT written.*, event.* FROM written, event`;

/**
 * The SQL of CaseWriter, and only CaseWriter calls it: a case row and its timeline entry, written
 * by one statement each time, so a change costs one round trip.
 */
@Injectable()
export class CaseChangesRepository {
  /**
   * Inserts the case under a fresh reference, drawing another on the rare collision, with its
   * first timeline entry. No other transaction sees the row before this one commits: it is as
   * good as locked.
   */
  async insert(
    manager: EntityManager,
    id: string,
    row: NewCase,
    draft: EventDraft,
  ): Promise<CaseWithEvent> {
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
      const [written]: Record<string, unknown>[] = await manager.query(
        withEventParameters(
          `WITH written AS (
             INSERT INTO cases (id, reference, seller_id, type, platform, title, description,
                                incident_at, order_ids, amount_demanded, amount_paid, currency,
                                demand_channel, payee_provider, payee_account, payee_display,
                                demand_deadline, first_response_due_at, resolution_due_at,
                                last_event_seq)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                     $18, $19, 1)
             ON CONFLICT (reference) DO NOTHING
             RETURNING *
           ), ${EVENT_OF_ROW}`,
          19,
        ),
        [
          id,
          newCaseReference(),
          row.sellerId,
          row.type,
          row.platform,
          row.title,
          row.description,
          row.incidentAt,
          row.orderIds,
          row.amountDemanded,
          row.amountPaid,
          row.currency,
          row.demandChannel,
          row.payeeProvider,
          row.payeeAccount,
          row.payeeDisplay,
          row.demandDeadline,
          row.firstResponseDueAt,
          row.resolutionDueAt,
          ...eventValues(draft),
        ],
      );
      if (written) return caseWithEvent(manager, written, draft);
    }
    throw new Error(`No free case reference after ${REFERENCE_ATTEMPTS} attempts`);
  }

  /**
   * Sets fields of a locked case and appends its next timeline entry; a change its views show
   * also moves the version that the ETag is made of.
   */
  async update(
    manager: EntityManager,
    id: string,
    fields: CaseFields,
    bumpsVersion: boolean,
    draft: EventDraft,
  ): Promise<CaseWithEvent> {
    const set = FIELDS.filter((field) => field in fields);
    const assignments = set.map(
      (field, index) =>
        `${FIELD_COLUMNS[field].column} = $${index + 3}::${FIELD_COLUMNS[field].cast},`,
    );
    const [written]: Record<string, unknown>[] = await manager.query(
      withEventParameters(
        `WITH written AS (
           UPDATE cases SET
             ${assignments.join('\n             ')}
             version = version + $2::integer,
             updated_at = CASE WHEN $2::integer > 0 THEN now() ELSE updated_at END,
             last_event_seq = last_event_seq + 1
           WHERE id = $1
           RETURNING *
         ), ${EVENT_OF_ROW}`,
        2 + set.length,
      ),
      [
        id,
        bumpsVersion ? 1 : 0,
        ...set.map((field) => fields[field] ?? null),
        ...eventValues(draft),
      ],
    );
    if (!written) throw new Error(`Case ${id} vanished`);
    return caseWithEvent(manager, written, draft);
  }
}

/** Numbers the event's placeholders after the row's own `count`. */
function withEventParameters(sql: string, count: number): string {
  return sql.replace(/\$E(\d)/g, (_match, n: string) => `$${count + Number(n)}`);
}

function eventValues(draft: EventDraft): unknown[] {
  return [draft.actorId, draft.kind, draft.visibility, draft.data];
}

function caseWithEvent(
  manager: EntityManager,
  written: Record<string, unknown>,
  draft: EventDraft,
): CaseWithEvent {
  const kase = entityFromRow(manager, CaseEntity, written) as LockedCase;
  const event = Object.assign(new CaseEventEntity(), {
    id: written.event_id as string,
    position: String(written.event_position),
    caseSeq: kase.lastEventSeq,
    caseId: kase.id,
    actorId: draft.actorId,
    kind: draft.kind,
    visibility: draft.visibility,
    data: draft.data,
    occurredAt: written.event_occurred_at as Date,
  });
  return { kase, event };
}
