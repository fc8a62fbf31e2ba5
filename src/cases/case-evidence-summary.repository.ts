import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EvidenceSummaryView } from './case.view';

/**
 * The evidence items a case view lists. The evidence module owns the table and depends on
 * cases, so the case reads this one projection with SQL rather than importing that module.
 */
@Injectable()
export class CaseEvidenceSummaryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listOfCase(caseId: string): Promise<EvidenceSummaryView[]> {
    return this.dataSource.query(
      'SELECT id, status FROM evidence WHERE case_id = $1 ORDER BY created_at, id',
      [caseId],
    );
  }
}
