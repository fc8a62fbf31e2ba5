import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { transition } from '../cases/case-transitions';
import { CaseWriter } from '../cases/case-writer';
import { CasesRepository } from '../cases/cases.repository';
import type { LockedCase } from '../cases/locked-case';
import { Clock } from '../common/clock';
import { JobName } from '../jobs/job-names';
import { OnJob } from '../jobs/on-job.decorator';
import { newlyBreached } from './breached-service-levels';

const BATCH = 500;

/**
 * A scheduled job (SCHEDULE_OF_JOB): marks each case that has missed a service level, once per
 * level, and escalates it where the transition table allows, so it reaches a senior moderator.
 */
@Injectable()
export class ServiceLevelsService {
  private readonly logger = new Logger(ServiceLevelsService.name);

  constructor(
    private readonly caseRows: CasesRepository,
    private readonly writer: CaseWriter,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.CheckServiceLevels)
  async checkJob(): Promise<void> {
    const marked = await this.check();
    if (marked > 0) this.logger.log(`Marked ${marked} cases past their service levels`);
  }

  async check(now = this.clock.now()): Promise<number> {
    let marked = 0;
    for (;;) {
      const due = await this.caseRows.serviceLevelsDue(now, BATCH);
      let markedNow = 0;
      for (const id of due) {
        markedNow += await this.caseRows.lockAndRun(id, (manager, locked) =>
          this.mark(manager, locked, now),
        );
      }
      marked += markedNow;
      // Marked cases leave the query; a batch with nothing marked would come back the same.
      if (due.length === 0 || markedNow === 0) return marked;
    }
  }

  /** Checked again under the lock: the case may have been answered or decided since. */
  private async mark(manager: EntityManager, locked: LockedCase, now: Date): Promise<number> {
    const breached = newlyBreached(locked, now);
    if (breached.length === 0) return 0;
    const marked = await this.writer.apply(
      manager,
      locked,
      { kind: 'service_levels_breached', breached, at: now },
      null,
    );
    if (transition(marked.kase.status, 'escalate').ok) {
      await this.writer.apply(
        manager,
        marked.kase,
        { kind: 'moved', move: 'escalate', details: { reason: 'service_level' } },
        null,
      );
    }
    return 1;
  }
}
