import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KeysetCursor } from '../common/pagination/cursor';
import { AccountActivityEntity } from './account-activity.entity';

@Injectable()
export class AccountActivityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts unless a row from the same job exists, so a redelivered job changes nothing. */
  async insertOnce(activity: Omit<AccountActivityEntity, 'id' | 'user'>): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AccountActivityEntity)
      .values(activity)
      .orIgnore()
      .execute();
  }

  listOfUser(
    userId: string,
    limit: number,
    after?: KeysetCursor,
  ): Promise<AccountActivityEntity[]> {
    const query = this.dataSource
      .getRepository(AccountActivityEntity)
      .createQueryBuilder('activity')
      .where('activity.userId = :userId', { userId })
      .orderBy('activity.occurredAt', 'DESC')
      .addOrderBy('activity.id', 'DESC')
      .limit(limit + 1);
    if (after) query.andWhere('(activity.occurredAt, activity.id) < (:at, :id)', after);
    return query.getMany();
  }
}
