import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { ProblemException } from '../common/problem/problem.exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OutboxService } from '../jobs/outbox.service';
import { CaseChange, CasePlan, planChange } from './case-change';
import { CaseChangesRepository, CaseWithEvent, EventDraft } from './case-changes.repository';
import { announceCaseProgress } from './case-progress-channel';
import type { NewCase } from './cases.repository';
import type { LockedCase } from './locked-case';

/**
 * The one place a case changes: the row with its version, the timeline entry with its per-case
 * sequence and visibility, the outbox events and the progress announcement, all in the caller's
 * transaction. A move the transition table refuses is a 409 naming the legal moves, and writes
 * nothing.
 */
@Injectable()
export class CaseWriter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: CaseChangesRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** Files a new case: its row, with its first timeline entry and outbox event. */
  async create(manager: EntityManager, row: NewCase, actorId: string): Promise<CaseWithEvent> {
    const id = randomUUID();
    const plan = planOrFail({ ...row, id, status: 'open', outcome: null }, { kind: 'created' });
    const written = await this.changes.insert(manager, id, row, draftOf(plan, actorId));
    await this.publish(manager, written.kase, plan);
    return written;
  }

  async apply(
    manager: EntityManager,
    locked: LockedCase,
    change: Exclude<CaseChange, { kind: 'created' }>,
    actorId: string | null,
  ): Promise<CaseWithEvent> {
    const plan = withFirstResponse(
      withClaimExtended(planOrFail(locked, change), locked, actorId, this.leaseEnd()),
      locked,
      change,
      this.clock.now(),
    );
    const written = await this.changes.update(
      manager,
      locked.id,
      plan.set,
      plan.bumpsVersion,
      draftOf(plan, actorId),
    );
    await this.publish(manager, written.kase, plan);
    return written;
  }

  /** When a claim taken or extended now would lapse. */
  leaseEnd(): Date {
    return new Date(this.clock.now().getTime() + this.config.moderation.claimLeaseMs);
  }

  private async publish(manager: EntityManager, kase: LockedCase, plan: CasePlan): Promise<void> {
    for (const message of plan.outbox) {
      await this.outbox.publish(manager, message.event, message.payload);
    }
    if (plan.announces) await announceCaseProgress(manager, kase.id);
  }
}

function planOrFail(state: Parameters<typeof planChange>[0], change: CaseChange): CasePlan {
  const planned = planChange(state, change);
  if (!planned.ok) throw new ProblemException(409, planned.reason);
  return planned.plan;
}

/** The claim holder's own activity on the case keeps the claim from lapsing. */
function withClaimExtended(
  plan: CasePlan,
  locked: LockedCase,
  actorId: string | null,
  until: Date,
): CasePlan {
  if (actorId === null || locked.assigneeId !== actorId || 'assigneeId' in plan.set) return plan;
  return { ...plan, set: { ...plan.set, claimExpiresAt: until }, bumpsVersion: true };
}

/** The first time staff answer the seller is the case's first response. */
function withFirstResponse(
  plan: CasePlan,
  locked: LockedCase,
  change: CaseChange,
  now: Date,
): CasePlan {
  const byStaff = (change.kind === 'moved' || change.kind === 'message_posted') && change.byStaff;
  if (!byStaff || locked.firstResponseAt !== null) return plan;
  return { ...plan, set: { ...plan.set, firstResponseAt: now } };
}

function draftOf(plan: CasePlan, actorId: string | null): EventDraft {
  return { actorId, ...plan.event };
}
