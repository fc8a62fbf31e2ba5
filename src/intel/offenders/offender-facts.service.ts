import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseEventsRepository } from '../../cases/case-events.repository';
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
    private readonly events: CaseEventsRepository,
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
    await this.facts.markReportedElsewhere(manager, offenderIds);
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
    await this.facts.clearUnlinked(manager, casesBefore);
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
    const raised = await this.facts.raiseOpenCases(manager, row.id, REPEAT_OFFENDER_PRIORITY);
    for (const caseId of raised) {
      await this.events.append(manager, {
        caseId,
        actorId: null,
        kind: 'offender_flagged',
        visibility: 'internal',
        data: { offenderId: row.id, sellerCount: row.seller_count, caseCount: row.case_count },
      });
    }
  }
}
