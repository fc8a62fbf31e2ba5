import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseAnalysisView, EvidenceSummaryView } from './case.view';

/**
 * The evidence items a case view lists, and how far their analysis is. The evidence module owns
 * the table and depends on cases, so the case reads these projections with SQL rather than
 * importing that module.
 */
@Injectable()
export class CaseEvidenceSummaryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * How many of the case's items are still to be analysed and how many are. An item is analysed
   * once its last step has run, and `linked` ends every item's steps (analysisStepsOf); an item
   * whose steps are not fixed yet is being processed.
   */
  async analysisOfCase(
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseAnalysisView> {
    const [row]: { pending: number; done: number; analysed_at: Date | null }[] =
      await manager.query(
        `SELECT count(*) FILTER (WHERE linked_at IS NULL AND status <> 'rejected'
                                   AND (analysis_steps IS NULL OR cardinality(analysis_steps) > 0)
                                )::int AS pending,
                count(*) FILTER (WHERE linked_at IS NOT NULL AND cardinality(analysis_steps) > 0
                                )::int AS done,
                max(linked_at) FILTER (WHERE cardinality(analysis_steps) > 0) AS analysed_at
         FROM evidence WHERE case_id = $1`,
        [caseId],
      );
    return {
      pending: row.pending,
      done: row.done,
      analysedAt: row.pending === 0 ? (row.analysed_at?.toISOString() ?? null) : null,
    };
  }

  listOfCase(caseId: string): Promise<EvidenceSummaryView[]> {
    return this.dataSource.query(
      'SELECT id, status FROM evidence WHERE case_id = $1 ORDER BY created_at, id',
      [caseId],
    );
  }
}
