import { Injectable, Logger } from '@nestjs/common';
import { UsersRepository } from '../accounts/users.repository';
import { STAFF_ROLES } from '../accounts/role';
import type { AuthUser } from '../auth/auth-user';
import { UNDECIDED } from '../cases/case-transitions';
import { caseEtag } from '../cases/case-views';
import { CaseWriter } from '../cases/case-writer';
import { CasesRepository } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
import type { LockedCase } from '../cases/locked-case';
import { Clock } from '../common/clock';
import { requireIfMatch } from '../common/http/if-match';
import { ProblemException } from '../common/problem/problem.exception';
import { JobName } from '../jobs/job-names';
import { OnJob } from '../jobs/on-job.decorator';
import type { EntityManager } from 'typeorm';
import { ClaimFields, claimState } from './claim-state';

const LAPSE_BATCH = 500;

/**
 * Who works a case: a claim makes a moderator its only assignee for a lease that their activity
 * on the case extends; a claim left idle lapses back to the queue.
 */
@Injectable()
export class ClaimsService {
  private readonly logger = new Logger(ClaimsService.name);

  constructor(
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly writer: CaseWriter,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Takes the case, or renews one's own claim; a case another moderator holds is a 409 naming
   * them. Claiming a new case starts its review.
   */
  async claim(moderator: AuthUser, idOrReference: string, ifMatch?: string): Promise<string> {
    const found = await this.cases.require(moderator, 'case.claim', idOrReference);
    // Most of a race for one case loses: they are told so without queueing for its row lock.
    if (claimState(found, moderator.id, this.clock.now()) === 'held') {
      throw await this.heldBy(found);
    }
    await this.caseRows.lockAndRun(found.id, async (manager, locked) => {
      requireIfMatch(ifMatch, caseEtag(locked));
      requireUndecided(locked);
      const state = claimState(locked, moderator.id, this.clock.now());
      if (state === 'held') throw await this.heldBy(locked, manager);
      const claimed = await this.writer.apply(
        manager,
        locked,
        {
          kind: 'claimed',
          assigneeId: moderator.id,
          leaseUntil: this.writer.leaseEnd(),
          how: state === 'lapsed' ? 'takeover' : 'claim',
        },
        moderator.id,
      );
      if (claimed.kase.status === 'open') {
        await this.writer.apply(
          manager,
          claimed.kase,
          { kind: 'moved', move: 'start_review', byStaff: true },
          moderator.id,
        );
      }
    });
    return found.id;
  }

  /** Gives the case back to the queue; only its holder, or an admin, may. */
  async release(moderator: AuthUser, idOrReference: string, ifMatch?: string): Promise<string> {
    const found = await this.cases.require(moderator, 'case.claim', idOrReference);
    await this.caseRows.lockAndRun(found.id, async (manager, locked) => {
      requireIfMatch(ifMatch, caseEtag(locked));
      if (locked.assigneeId === null) throw new ProblemException(409, 'Nobody holds this case.');
      if (locked.assigneeId !== moderator.id && moderator.role !== 'admin') {
        throw await this.heldBy(locked, manager);
      }
      await this.writer.apply(manager, locked, { kind: 'released', why: 'released' }, moderator.id);
    });
    return found.id;
  }

  /**
   * Gives the case to another moderator or admin. A case someone else holds may be reassigned
   * only by its holder or an admin.
   */
  async assign(
    actor: AuthUser,
    idOrReference: string,
    assigneeId: string,
    ifMatch?: string,
  ): Promise<string> {
    const found = await this.cases.require(actor, 'case.assign', idOrReference);
    const assignee = await this.users.findById(assigneeId);
    if (
      !assignee ||
      assignee.status !== 'active' ||
      !(STAFF_ROLES as readonly string[]).includes(assignee.role)
    ) {
      throw new ProblemException(
        422,
        'A case can be assigned only to an active moderator or admin.',
        [{ field: 'moderatorId', message: 'is not an active moderator or admin' }],
      );
    }
    await this.caseRows.lockAndRun(found.id, async (manager, locked) => {
      requireIfMatch(ifMatch, caseEtag(locked));
      requireUndecided(locked);
      const state = claimState(locked, actor.id, this.clock.now());
      if (state === 'held' && actor.role !== 'admin') throw await this.heldBy(locked, manager);
      await this.writer.apply(
        manager,
        locked,
        { kind: 'claimed', assigneeId, leaseUntil: this.writer.leaseEnd(), how: 'assign' },
        actor.id,
      );
    });
    return found.id;
  }

  /** The claim holder's own; a move on a case one does not hold is a 409. */
  async requireHolder(
    locked: LockedCase,
    moderator: AuthUser,
    manager: EntityManager,
  ): Promise<void> {
    const state = claimState(locked, moderator.id, this.clock.now());
    if (state === 'mine') return;
    if (state === 'held') throw await this.heldBy(locked, manager);
    throw new ProblemException(409, 'Claim the case before acting on it.');
  }

  /** Releases every claim whose lease has ended, as a scheduled job (SCHEDULE_OF_JOB). */
  @OnJob(JobName.LapseClaims)
  async lapseJob(): Promise<void> {
    const lapsed = await this.lapse();
    if (lapsed > 0) this.logger.log(`Released ${lapsed} lapsed claims`);
  }

  async lapse(now = this.clock.now()): Promise<number> {
    let released = 0;
    for (const id of await this.caseRows.lapsedClaims(now, LAPSE_BATCH)) {
      released += await this.caseRows.lockAndRun(id, (manager, locked) =>
        this.releaseIfLapsed(manager, locked, now),
      );
    }
    return released;
  }

  /** Checked again under the lock: the holder may have renewed it since it was listed. */
  private async releaseIfLapsed(
    manager: EntityManager,
    locked: LockedCase,
    now: Date,
  ): Promise<number> {
    if (locked.assigneeId === null || claimState(locked, locked.assigneeId, now) !== 'lapsed') {
      return 0;
    }
    await this.writer.apply(manager, locked, { kind: 'released', why: 'lapsed' }, null);
    return 1;
  }

  /** Read in the caller's transaction: a second pooled connection per waiting claim starves the pool. */
  private async heldBy(kase: ClaimFields, manager?: EntityManager): Promise<ProblemException> {
    const holder = kase.assigneeId ? await this.users.findById(kase.assigneeId, manager) : null;
    const until = kase.claimExpiresAt?.toISOString() ?? 'its release';
    return new ProblemException(
      409,
      `${holder?.displayName ?? 'Another moderator'} holds this case until ${until}.`,
    );
  }
}

function requireUndecided(locked: LockedCase): void {
  if (!UNDECIDED.includes(locked.status)) {
    throw new ProblemException(409, `A case that is ${locked.status} is not open to work.`);
  }
}
