import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseMessageEntity } from './case-message.entity';

export type NewCaseMessage = Pick<CaseMessageEntity, 'caseId' | 'authorId' | 'authorRole' | 'body'>;

@Injectable()
export class CaseMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, message: NewCaseMessage): Promise<CaseMessageEntity> {
    const [row]: { id: string }[] = (
      await manager
        .createQueryBuilder()
        .insert()
        .into(CaseMessageEntity)
        .values(message)
        .returning(['id'])
        .execute()
    ).raw;
    return manager.findOneByOrFail(CaseMessageEntity, { id: row.id });
  }

  /** Oldest first, as a conversation reads; `limit + 1` rows for the next-page check. */
  list(caseId: string, afterSeq: string | undefined, limit: number): Promise<CaseMessageEntity[]> {
    const query = this.dataSource
      .getRepository(CaseMessageEntity)
      .createQueryBuilder('m')
      .leftJoinAndSelect('m.author', 'author')
      .where('m.caseId = :caseId', { caseId })
      .orderBy('m.seq', 'ASC')
      .limit(limit + 1);
    if (afterSeq) query.andWhere('m.seq > :afterSeq', { afterSeq });
    return query.getMany();
  }
}
