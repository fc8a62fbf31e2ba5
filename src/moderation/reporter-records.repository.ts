import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UNDECIDED } from '../cases/case-transitions';
import type { ReporterRecordView } from './moderation-case.view';

/** A seller's track record as a reporter, to weigh an accusation that may be false. */
@Injectable()
export class ReporterRecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(sellerId: string): Promise<ReporterRecordView> {
    const [row]: ReporterRecordView[] = await this.dataSource.query(
      `SELECT count(*)::int AS filed,
              count(*) FILTER (WHERE status = ANY($2::text[]))::int AS open,
              count(*) FILTER (WHERE outcome = 'upheld')::int AS upheld,
              count(*) FILTER (WHERE outcome = 'rejected')::int AS rejected,
              count(*) FILTER (WHERE outcome = 'duplicate')::int AS duplicate,
              count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn
         FROM cases WHERE seller_id = $1`,
      [sellerId, UNDECIDED],
    );
    return row;
  }
}
