import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception';
import { OutboxService } from '../jobs/outbox.service';
import { CaseChange, CasePlan, planChange } from './case-change';
import type { CaseEventEntity } from './case-event.entity';
import { CaseEventsRepository } from './case-events.repository';
import { announceCaseProgress } from './case-progress-channel';
import { CasesRepository, NewCase } from './cases.repository';
import type { LockedCase } from './locked-case';

export interface WrittenChange {
  kase: LockedCase;
  event: CaseEventEntity;
}

/**
 * The one place a case changes: the row with its version, the timeline entry with its per-case
 * sequence and visibility, the outbox events and the progress announcement, all in the caller's
 * transaction. A move the transition table refuses is a 409 naming the legal moves, and writes
 * nothing.
 */
@Injectable()
export class CaseWriter {
  constructor(
    private readonly cases: CasesRepository,
    private readonly events: CaseEventsRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** Files a new case: its row, with its first timeline entry and outbox event. */
  async create(manager: EntityManager, row: NewCase, actorId: string): Promise<WrittenChange> {
    const kase = await this.cases.insert(manager, row);
    return this.record(manager, kase, planOrFail(kase, { kind: 'created' }), actorId);
  }

  async apply(
    manager: EntityManager,
    locked: LockedCase,
    change: Exclude<CaseChange, { kind: 'created' }>,
    actorId: string | null,
  ): Promise<WrittenChange> {
    const plan = planOrFail(locked, change);
    const kase = await this.cases.applyFields(manager, locked.id, plan.set, plan.bumpsVersion);
    return this.record(manager, kase, plan, actorId);
  }

  /** The timeline entry, numbered by the row's latest sequence, and what goes with it. */
  private async record(
    manager: EntityManager,
    kase: LockedCase,
    plan: CasePlan,
    actorId: string | null,
  ): Promise<WrittenChange> {
    const event = await this.events.append(manager, {
      caseId: kase.id,
      caseSeq: kase.lastEventSeq,
      actorId,
      kind: plan.event.kind,
      visibility: plan.event.visibility,
      data: plan.event.data,
    });
    for (const message of plan.outbox) {
      await this.outbox.publish(manager, message.event, message.payload);
    }
    if (plan.announces) await announceCaseProgress(manager, kase.id);
    return { kase, event };
  }
}

function planOrFail(kase: LockedCase, change: CaseChange): CasePlan {
  const planned = planChange(kase, change);
  if (!planned.ok) throw new ProblemException(409, planned.reason);
  return planned.plan;
}
