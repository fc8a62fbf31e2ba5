import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseEventEntity, EventVisibility } from './case-event.entity';

@Injectable()
export class CaseEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first, as a timeline reads; `limit + 1` rows for the next-page check. */
  list(
    caseId: string,
    visibilities: EventVisibility[],
    afterSeq: string | undefined,
    limit: number,
  ): Promise<CaseEventEntity[]> {
    const query = this.dataSource
      .getRepository(CaseEventEntity)
      .createQueryBuilder('e')
      .where('e.caseId = :caseId', { caseId })
      .andWhere('e.visibility IN (:...visibilities)', { visibilities })
      .orderBy('e.caseSeq', 'ASC')
      .limit(limit + 1);
    if (afterSeq) query.andWhere('e.caseSeq > :afterSeq', { afterSeq });
    return query.getMany();
  }
}
