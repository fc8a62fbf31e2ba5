import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseWriter } from '../../cases/case-writer';
import { CasesRepository } from '../../cases/cases.repository';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { duplicateMarks } from './duplicate-marks';
import { LikelyDuplicatesRepository } from './likely-duplicates.repository';

/**
 * Marks likely duplicates when linking takes a case's handles in, inside linking's transaction,
 * so the repeat rule counts them out in the same recount.
 */
@Injectable()
export class LikelyDuplicatesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly duplicates: LikelyDuplicatesRepository,
    private readonly caseRows: CasesRepository,
    private readonly writer: CaseWriter,
  ) {}

  async markAround(manager: EntityManager, caseId: string): Promise<void> {
    const around = await this.duplicates.neighbourhood(
      manager,
      caseId,
      this.config.intel.duplicateWindowHours,
    );
    if (!around) return;
    const marks = duplicateMarks(around);
    const locked = await this.caseRows.lockMany(
      manager,
      marks.map((mark) => mark.caseId),
    );
    for (const kase of locked) {
      // Read before the lock: marked or called separate meanwhile, it keeps what it has.
      if (kase.likelyDuplicateOf !== null || kase.markedSeparateAt !== null) continue;
      const mark = marks.find((candidate) => candidate.caseId === kase.id);
      if (!mark) continue;
      await this.writer.apply(
        manager,
        kase,
        { kind: 'duplicate_suspected', originalId: mark.originalId },
        null,
      );
    }
  }
}
