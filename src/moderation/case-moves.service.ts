import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { CaseMessagesRepository } from '../cases/case-messages.repository';
import { caseEtag } from '../cases/case-views';
import { resolutionDueAgain } from '../cases/service-level-due';
import { CaseWriter } from '../cases/case-writer';
import { CasesRepository } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
import type { LockedCase } from '../cases/locked-case';
import { Clock } from '../common/clock';
import { requireIfMatch } from '../common/http/if-match';
import { ProblemException } from '../common/problem/problem.exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { appealDeadline } from '../cases/appeal-deadline';
import { ClaimsService } from './claims.service';
import { MergeDto, ReasonDto, RequestInfoDto, ResolveDto } from './moderation.dto';

const MERGED_SUMMARY =
  'This report describes an incident already reported; it is handled together with that report.';
import { refuseUnfilledPlaceholders } from '../cases/unfilled-placeholders';

/**
 * The moves of the state machine as moderators and sellers make them. Each checks the caller's
 * right in the access policy, then the case's If-Match and claim under its row lock, and changes
 * it only through CaseWriter, whose transition table refuses an illegal move with the legal ones.
 */
@Injectable()
export class CaseMovesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly messages: CaseMessagesRepository,
    private readonly writer: CaseWriter,
    private readonly claims: ClaimsService,
    private readonly clock: Clock,
  ) {}

  /** Asks the seller for more: a message they see, and the case waits for their answer. */
  requestInfo(moderator: AuthUser, id: string, dto: RequestInfoDto, ifMatch?: string) {
    refuseUnfilledPlaceholders(dto.message, 'message');
    return this.asHolder(moderator, id, ifMatch, async (manager, locked) => {
      const moved = await this.writer.apply(
        manager,
        locked,
        { kind: 'moved', move: 'request_info', byStaff: true },
        moderator.id,
      );
      const message = await this.messages.insert(manager, {
        caseId: locked.id,
        authorId: moderator.id,
        authorRole: moderator.role,
        body: dto.message,
      });
      await this.writer.apply(
        manager,
        moved.kase,
        { kind: 'message_posted', messageId: message.id, byStaff: true },
        moderator.id,
      );
    });
  }

  /** The reason stays with moderators, as an internal note; the seller sees the status. */
  escalate(moderator: AuthUser, id: string, dto: ReasonDto, ifMatch?: string) {
    return this.asHolder(moderator, id, ifMatch, async (manager, locked) => {
      const moved = await this.writer.apply(
        manager,
        locked,
        { kind: 'moved', move: 'escalate', byStaff: true },
        moderator.id,
      );
      await this.writer.apply(
        manager,
        moved.kase,
        { kind: 'note_added', body: `Escalated: ${dto.reason}` },
        moderator.id,
      );
    });
  }

  /** Decides the case with reasons the seller reads, and gives up the claim: the work is done. */
  resolve(moderator: AuthUser, id: string, dto: ResolveDto, ifMatch?: string) {
    return this.asHolder(moderator, id, ifMatch, async (manager, locked) => {
      const decided = await this.writer.apply(
        manager,
        locked,
        {
          kind: 'moved',
          move: 'resolve',
          byStaff: true,
          outcome: dto.outcome,
          decision: { by: moderator.id, summary: dto.summary, actions: dto.actions },
          at: this.clock.now(),
          details: { summary: dto.summary, actions: dto.actions },
        },
        moderator.id,
      );
      await this.writer.apply(
        manager,
        decided.kase,
        { kind: 'released', why: 'decided' },
        moderator.id,
      );
    });
  }

  /**
   * Resolves the case as a duplicate of the target, which takes over: the duplicate counts as the
   * target for cross-referencing, and moderators see its evidence and parties with the target's;
   * no bytes are copied. Its seller reads the summary and never learns the target. Duplicates
   * already merged into this case move on to the target, so a chain is never more than one long.
   */
  async merge(moderator: AuthUser, id: string, dto: MergeDto, ifMatch?: string) {
    const source = await this.cases.require(moderator, 'case.decide', id);
    const target = await this.targetOf(moderator, dto.targetCaseId);
    if (target.id === source.id) {
      throw new ProblemException(422, 'A case cannot be merged into itself.', [
        { field: 'targetCaseId', message: 'is this case' },
      ]);
    }
    const carried = await this.caseRows.mergedInto(source.id);
    await this.caseRows.lockManyAndRun(
      [source.id, target.id, ...carried],
      async (manager, rows) => {
        const byId = new Map(rows.map((row) => [row.id, row]));
        const locked = byId.get(source.id)!;
        const into = byId.get(target.id)!;
        requireIfMatch(ifMatch, caseEtag(locked));
        await this.claims.requireHolder(locked, moderator, manager);
        if (into.status === 'withdrawn') {
          throw new ProblemException(409, 'The target case was withdrawn; nothing can join it.');
        }
        if (into.mergedInto !== null) {
          throw new ProblemException(
            409,
            'The target case is itself a duplicate; merge into the case it was merged into.',
          );
        }
        const summary = dto.summary ?? MERGED_SUMMARY;
        const merged = await this.writer.apply(
          manager,
          locked,
          {
            kind: 'moved',
            move: 'merge',
            byStaff: true,
            decision: { by: moderator.id, summary, actions: ['no_action'] },
            at: this.clock.now(),
            details: { summary },
          },
          moderator.id,
        );
        const pointed = await this.writer.apply(
          manager,
          merged.kase,
          { kind: 'merged_into', targetId: into.id },
          moderator.id,
        );
        await this.writer.apply(
          manager,
          pointed.kase,
          { kind: 'released', why: 'decided' },
          moderator.id,
        );
        let absorbing = (
          await this.writer.apply(
            manager,
            into,
            { kind: 'merged_in', sourceId: locked.id },
            moderator.id,
          )
        ).kase;
        for (const duplicate of rows.filter((row) => row.mergedInto === locked.id)) {
          await this.writer.apply(
            manager,
            duplicate,
            { kind: 'merged_into', targetId: into.id },
            moderator.id,
          );
          absorbing = (
            await this.writer.apply(
              manager,
              absorbing,
              { kind: 'merged_in', sourceId: duplicate.id },
              moderator.id,
            )
          ).kase;
        }
      },
    );
    return source.id;
  }

  /** Takes a decided case back into review, held by the moderator who reopens it. */
  async reopen(moderator: AuthUser, id: string, dto: ReasonDto, ifMatch?: string) {
    const found = await this.cases.require(moderator, 'case.decide', id);
    await this.caseRows.lockAndRun(found.id, async (manager, locked) => {
      requireIfMatch(ifMatch, caseEtag(locked));
      const reopened = await this.writer.apply(
        manager,
        locked,
        {
          kind: 'moved',
          move: 'reopen',
          byStaff: true,
          details: { reason: dto.reason },
          resolutionDueAt: this.resolutionDueAgain(locked),
        },
        moderator.id,
      );
      await this.writer.apply(
        manager,
        reopened.kase,
        {
          kind: 'claimed',
          assigneeId: moderator.id,
          leaseUntil: this.writer.leaseEnd(),
          how: 'claim',
        },
        moderator.id,
      );
    });
    return found.id;
  }

  /**
   * The seller contests a decision: once, within the window after it. The case goes back to the
   * queue unclaimed; the moderator who decided it is kept, so that someone else is preferred.
   */
  async appeal(seller: AuthUser, id: string, dto: ReasonDto, ifMatch?: string) {
    const found = await this.cases.require(seller, 'case.appeal', id);
    await this.caseRows.lockAndRun(found.id, async (manager, locked) => {
      requireIfMatch(ifMatch, caseEtag(locked));
      if (locked.appealedAt !== null) {
        throw new ProblemException(409, 'This case has been appealed once already.');
      }
      const deadline = appealDeadline(locked, this.config.moderation.appealWindowDays);
      if (locked.status === 'resolved' && deadline && deadline <= this.clock.now()) {
        throw new ProblemException(
          409,
          `The window to appeal closed at ${deadline.toISOString()}.`,
        );
      }
      await this.writer.apply(
        manager,
        locked,
        {
          kind: 'moved',
          move: 'appeal',
          at: this.clock.now(),
          details: { reason: dto.reason },
          resolutionDueAt: this.resolutionDueAgain(locked),
        },
        seller.id,
      );
    });
    return found.id;
  }

  /** A target that does not exist, or may not be known, is the request's fault: a 422. */
  private async targetOf(moderator: AuthUser, idOrReference: string) {
    try {
      return await this.cases.require(moderator, 'case.read-internal', idOrReference);
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error;
      throw new ProblemException(422, 'There is no such case to merge into.', [
        { field: 'targetCaseId', message: 'is no case' },
      ]);
    }
  }

  private resolutionDueAgain(locked: LockedCase): Date {
    return resolutionDueAgain(this.clock.now(), this.config.moderation.slaHours[locked.type]);
  }

  /**
   * A likely duplicate was a separate incident after all: it counts toward the repeat rule, for
   * the job its timeline entry starts recounts its offenders. A correction of the machine, not a
   * move: any moderator may make it, claim or not.
   */
  async markSeparate(
    moderator: AuthUser,
    id: string,
    dto: ReasonDto,
    ifMatch?: string,
  ): Promise<string> {
    const found = await this.cases.require(moderator, 'case.mark-separate', id);
    await this.caseRows.lockAndRun(found.id, async (manager, locked) => {
      requireIfMatch(ifMatch, caseEtag(locked));
      if (locked.markedSeparateAt !== null) {
        throw new ProblemException(409, 'The case is already marked a separate incident.');
      }
      await this.writer.apply(
        manager,
        locked,
        { kind: 'marked_separate', reason: dto.reason, at: this.clock.now() },
        moderator.id,
      );
    });
    return found.id;
  }

  private async asHolder(
    moderator: AuthUser,
    id: string,
    ifMatch: string | undefined,
    work: (manager: EntityManager, locked: LockedCase) => Promise<void>,
  ): Promise<string> {
    const found = await this.cases.require(moderator, 'case.decide', id);
    await this.caseRows.lockAndRun(found.id, async (manager, locked) => {
      requireIfMatch(ifMatch, caseEtag(locked));
      await this.claims.requireHolder(locked, moderator, manager);
      await work(manager, locked);
    });
    return found.id;
  }
}
