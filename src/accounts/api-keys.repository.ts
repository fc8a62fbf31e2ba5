import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { KeysetCursor } from '../common/pagination/cursor';
import { ApiKeyEntity } from './api-key.entity';

export type NewApiKeyRow = Pick<
  ApiKeyEntity,
  'name' | 'scopes' | 'prefix' | 'keyHash' | 'createdBy'
>;

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(row: NewApiKeyRow): Promise<ApiKeyEntity> {
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    return repository.save(repository.create({ ...row, lastUsedAt: null, revokedAt: null }));
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id });
  }

  findActiveByHash(keyHash: Buffer): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ keyHash, revokedAt: IsNull() });
  }

  /** Newest first, `limit + 1` rows so the caller knows whether a next page exists. */
  list(after: KeysetCursor | undefined, limit: number): Promise<ApiKeyEntity[]> {
    const query = this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('key')
      .orderBy('key.createdAt', 'DESC')
      .addOrderBy('key.id', 'DESC')
      .limit(limit + 1);
    if (after) query.andWhere('(key.createdAt, key.id) < (:at, :id)', after);
    return query.getMany();
  }

  async revoke(id: string): Promise<void> {
    await this.dataSource
      .getRepository(ApiKeyEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Records use at most once a minute per key, so a busy integration does not write per call. */
  async touch(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
