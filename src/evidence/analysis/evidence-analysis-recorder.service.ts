import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { announceCaseProgress } from '../../cases/case-progress-channel';
import { CaseWriter } from '../../cases/case-writer';
import { CasesRepository } from '../../cases/cases.repository';
import { EvidenceRepository } from '../evidence.repository';
import type { FoundIdentifier } from './found-identifier';

/**
 * Records each analysis step of an evidence item as its job finishes it: the time on the item
 * and a poke to the case's progress stream, both committing with the step; and when the item's
 * last step is done, the case change that tells the timeline and moves the case's ETag. Each
 * step is recorded once however often its job runs.
 */
@Injectable()
export class EvidenceAnalysisRecorder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evidence: EvidenceRepository,
    private readonly caseRows: CasesRepository,
    private readonly writer: CaseWriter,
  ) {}

  async ocrRead(item: { evidenceId: string; caseId: string }, text: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await this.evidence.saveOcrText(manager, item.evidenceId, text)) {
        await announceCaseProgress(manager, item.caseId);
      }
    });
  }

  /**
   * In the transaction that records what was found as sightings. An item in which nothing was
   * found has nothing to link: its analysis is done at once.
   */
  async extracted(
    manager: EntityManager,
    item: { evidenceId: string; caseId: string },
    found: { amounts: { amount: string; currency: string }[]; identifiers: FoundIdentifier[] },
  ): Promise<void> {
    await this.evidence.saveExtraction(manager, item.evidenceId, found);
    if (found.identifiers.length === 0)
      await this.finishLinked(manager, item.caseId, item.evidenceId);
    else await announceCaseProgress(manager, item.caseId);
  }

  /** After linking took in the case's sightings: items whose own are all linked are done. */
  async linked(caseId: string): Promise<void> {
    if (!(await this.evidence.awaitsLinking(caseId))) return;
    await this.dataSource.transaction((manager) => this.finishLinked(manager, caseId, null));
  }

  /** After campaigns were looked for among an order export's orders. */
  async crossReferenced(evidenceId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const caseId = await this.evidence.markCrossReferenced(manager, evidenceId);
      if (!caseId) return;
      await this.writer.apply(
        manager,
        await this.caseRows.lock(manager, caseId),
        { kind: 'evidence_analysed', evidenceId },
        null,
      );
    });
  }

  private async finishLinked(
    manager: EntityManager,
    caseId: string,
    evidenceId: string | null,
  ): Promise<void> {
    const done = await this.evidence.markLinked(manager, caseId, evidenceId);
    if (done.length === 0) return;
    const locked = await this.caseRows.lock(manager, caseId);
    for (const { id, identifiersFound } of done) {
      await this.writer.apply(
        manager,
        locked,
        {
          kind: 'evidence_analysed',
          evidenceId: id,
          identifiersFound: identifiersFound ?? undefined,
        },
        null,
      );
    }
  }
}
