import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { KeysetCursor } from '../common/pagination/cursor';
import { CaseEventEntity, CaseEventKind, EventVisibility } from './case-event.entity';

export interface NewCaseEvent {
  caseId: string;
  actorId: string | null;
  kind: CaseEventKind;
  visibility: EventVisibility;
  data?: Record<string, unknown>;
}

@Injectable()
export class CaseEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  append(manager: EntityManager, event: NewCaseEvent): Promise<CaseEventEntity> {
    return manager.save(manager.create(CaseEventEntity, { ...event, data: event.data ?? {} }));
  }

  /** Oldest first, as a timeline reads; `limit + 1` rows for the next-page check. */
  list(
    caseId: string,
    visibilities: EventVisibility[],
    after: KeysetCursor | undefined,
    limit: number,
  ): Promise<CaseEventEntity[]> {
    const query = this.dataSource
      .getRepository(CaseEventEntity)
      .createQueryBuilder('e')
      .where('e.caseId = :caseId', { caseId })
      .andWhere('e.visibility IN (:...visibilities)', { visibilities })
      .orderBy('e.occurredAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(limit + 1);
    if (after) query.andWhere('(e.occurredAt, e.id) > (:at, :id)', after);
    return query.getMany();
  }
}
