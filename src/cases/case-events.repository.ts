import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { entityFromRow } from '../database/entity-from-row';
import { CaseEventEntity, CaseEventKind, EventVisibility } from './case-event.entity';

export interface NewCaseEvent {
  caseId: string;
  caseSeq: number;
  actorId: string | null;
  kind: CaseEventKind;
  visibility: EventVisibility;
  data?: Record<string, unknown>;
}

@Injectable()
export class CaseEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Only CaseWriter appends, under the case's row lock, which numbers the entry. */
  async append(manager: EntityManager, event: NewCaseEvent): Promise<CaseEventEntity> {
    const [row]: Record<string, unknown>[] = await manager.query(
      `INSERT INTO case_events (case_id, case_seq, actor_id, kind, visibility, data)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [event.caseId, event.caseSeq, event.actorId, event.kind, event.visibility, event.data ?? {}],
    );
    return entityFromRow(manager, CaseEventEntity, row);
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
      .orderBy('e.caseSeq', 'ASC')
      .limit(limit + 1);
    if (afterSeq) query.andWhere('e.caseSeq > :afterSeq', { afterSeq });
    return query.getMany();
  }
}
