import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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
    afterSeq: string | undefined,
    limit: number,
  ): Promise<CaseEventEntity[]> {
    const query = this.dataSource
      .getRepository(CaseEventEntity)
      .createQueryBuilder('e')
      .where('e.caseId = :caseId', { caseId })
      .andWhere('e.visibility IN (:...visibilities)', { visibilities })
      .orderBy('e.seq', 'ASC')
      .limit(limit + 1);
    if (afterSeq) query.andWhere('e.seq > :afterSeq', { afterSeq });
    return query.getMany();
  }
}
