import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception';
import { OutboxService } from '../jobs/outbox.service';
import { CaseChange, planChange } from './case-change';
import type { CaseEventEntity } from './case-event.entity';
import { CaseEventsRepository } from './case-events.repository';
import { announceCaseProgress } from './case-progress-channel';
import { CasesRepository } from './cases.repository';
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

  async apply(
    manager: EntityManager,
    locked: LockedCase,
    change: CaseChange,
    actorId: string | null,
  ): Promise<WrittenChange> {
    const planned = planChange(locked, change);
    if (!planned.ok) throw new ProblemException(409, planned.reason);
    const { plan } = planned;
    const kase = await this.cases.applyFields(manager, locked.id, plan.set, plan.bumpsVersion);
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
