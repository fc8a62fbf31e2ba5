import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesRepository } from '../../cases/cases.repository';
import { CaseWriter } from '../../cases/case-writer';
import type { CaseStatus } from '../../cases/case-status';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { OutboxEvent } from '../../jobs/job-names';
import { OutboxService } from '../../jobs/outbox.service';
import { OffenderFactsRepository, OffenderFactsRow } from './offender-facts.repository';
import { isRepeatOffender, riskScore } from './offender-risk';

/** The priority every open case of a repeat offender is raised to, at least. */
export const REPEAT_OFFENDER_PRIORITY = 10;

/** Keeps offenders' facts current and flags repeat offenders, once. */
@Injectable()
export class OffenderFactsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly facts: OffenderFactsRepository,
    private readonly caseRows: CasesRepository,
    private readonly writer: CaseWriter,
    private readonly outbox: OutboxService,
  ) {}

  async refresh(manager: EntityManager, offenderIds: string[]): Promise<void> {
    if (offenderIds.length === 0) return;
    const { repeatWindowDays, repeatMinSellers, repeatMinCases } = this.config.intel;
    const now = new Date();
    for (const row of await this.facts.factsOf(manager, offenderIds, repeatWindowDays)) {
      const facts = {
        sellerCount: row.seller_count,
        caseCount: row.case_count,
        casesInWindow: row.cases_in_window,
        paid: row.paid,
        extortion: row.case_types.includes('extortion'),
        lastSeenAt: row.last_seen_at,
      };
      const repeat = isRepeatOffender(facts, {
        minSellers: repeatMinSellers,
        minCasesInWindow: repeatMinCases,
      });
      await this.facts.save(manager, row, riskScore(facts, now), repeat);
      if (repeat) await this.flag(manager, row);
    }
    for (const change of await this.facts.reportedElsewhereChanges(manager, offenderIds)) {
      await this.setReportedElsewhere(manager, change.caseId, change.reportedElsewhere);
    }
  }

  /**
   * Recounts what a split left, after `split` has run on the cluster `before` named, and clears
   * the cases that it left in no offender at all.
   */
  async refreshAfterSplit(
    manager: EntityManager,
    casesBefore: string[],
    offenderIds: string[],
  ): Promise<void> {
    await this.refresh(manager, offenderIds);
    for (const caseId of await this.facts.markedButUnlinked(manager, casesBefore)) {
      await this.setReportedElsewhere(manager, caseId, false);
    }
  }

  offendersOfShop(manager: EntityManager, shopId: string): Promise<string[]> {
    return this.facts.offendersOfShop(manager, shopId);
  }

  casesOf(manager: EntityManager, offenderId: string): Promise<string[]> {
    return this.facts.casesOf(manager, [offenderId]);
  }

  /**
   * The offender.flagged event is written once per offender; its open cases are raised whenever
   * one is not yet, such as a case linked after the flag.
   */
  private async flag(manager: EntityManager, row: OffenderFactsRow): Promise<void> {
    // flagged_at was read under linking's lock: set, it cannot be unset meanwhile.
    if (row.flagged_at === null && (await this.facts.flag(manager, row.id))) {
      await this.outbox.publish(manager, OutboxEvent.OffenderFlagged, {
        offenderId: row.id,
        sellerCount: row.seller_count,
        caseCount: row.case_count,
      });
    }
    const below = await this.facts.openCasesBelow(manager, row.id, REPEAT_OFFENDER_PRIORITY);
    for (const kase of await this.caseRows.lockMany(manager, below)) {
      // Withdrawn, decided or raised since it was read: the lock shows it as it is now.
      if (kase.priority >= REPEAT_OFFENDER_PRIORITY || !isOpen(kase.status)) continue;
      await this.writer.apply(
        manager,
        kase,
        {
          kind: 'priority_raised',
          priority: REPEAT_OFFENDER_PRIORITY,
          offenderId: row.id,
          sellerCount: row.seller_count,
          caseCount: row.case_count,
        },
        null,
      );
    }
  }

  private async setReportedElsewhere(
    manager: EntityManager,
    caseId: string,
    reportedElsewhere: boolean,
  ): Promise<void> {
    const kase = await this.caseRows.lock(manager, caseId);
    await this.writer.apply(
      manager,
      kase,
      { kind: 'reported_elsewhere_changed', reportedElsewhere },
      null,
    );
  }
}

function isOpen(status: CaseStatus): boolean {
  return status !== 'resolved' && status !== 'withdrawn';
}
