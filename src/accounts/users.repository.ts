import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { KeysetCursor } from '../common/pagination/cursor';
import type { Role, UserStatus } from './role';
import { UserEntity } from './user.entity';

export type NewUser = Pick<
  UserEntity,
  'email' | 'passwordHash' | 'role' | 'displayName' | 'shopId'
>;

export interface UserFilter {
  role?: Role;
  status?: UserStatus;
  after?: KeysetCursor;
  limit: number;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, user: NewUser): Promise<UserEntity> {
    return manager.save(
      manager.create(UserEntity, { ...user, status: 'active', shopVerifiedAt: null }),
    );
  }

  findById(id: string, manager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { email });
  }

  lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    // Postgres cannot lock the nullable side of the eager shop join.
    return manager.findOne(UserEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
      loadEagerRelations: false,
    });
  }

  /** The shop's accounts of now are verified members; one that joins later is not, yet. */
  async verifyShopMembers(manager: EntityManager, shopId: string): Promise<void> {
    await manager.query(
      `UPDATE users SET shop_verified_at = now() WHERE shop_id = $1 AND shop_verified_at IS NULL`,
      [shopId],
    );
  }

  async setPasswordHash(
    manager: EntityManager,
    userId: string,
    passwordHash: string,
  ): Promise<void> {
    await manager.update(UserEntity, { id: userId }, { passwordHash });
  }

  save(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    return manager.save(user);
  }

  /** Newest first, `limit + 1` rows so the caller knows whether a next page exists. */
  list(filter: UserFilter): Promise<UserEntity[]> {
    const query = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.shop', 'shop')
      .orderBy('user.createdAt', 'DESC')
      .addOrderBy('user.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.role) query.andWhere('user.role = :role', { role: filter.role });
    if (filter.status) query.andWhere('user.status = :status', { status: filter.status });
    if (filter.after) {
      query.andWhere('(user.createdAt, user.id) < (:at, :id)', filter.after);
    }
    return query.getMany();
  }
}
