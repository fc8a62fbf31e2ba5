import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { KeysetCursor } from '../common/pagination/cursor';
import { CaseEntity } from './case.entity';
import { CaseStatus } from './case-status';
import { CaseType } from './case-type';
import { newCaseReference } from './case-reference';
import { entityFromRow } from '../database/entity-from-row';

export type NewCase = Omit<
  CaseEntity,
  | 'id'
  | 'reference'
  | 'status'
  | 'outcome'
  | 'priority'
  | 'reportedElsewhere'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
>;

export interface CaseFilter {
  sellerId?: string;
  status?: CaseStatus;
  type?: CaseType;
  text?: string;
  after?: KeysetCursor;
  limit: number;
}

const REFERENCE_ATTEMPTS = 5;

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the case under a fresh reference, drawing another on the rare collision. */
  async insert(manager: EntityManager, row: NewCase): Promise<CaseEntity> {
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
      const [inserted]: Record<string, unknown>[] = await manager.query(
        `INSERT INTO cases (reference, seller_id, type, platform, title, description, incident_at,
                            order_ids, amount_demanded, amount_paid, currency, demand_channel,
                            payee_provider, payee_account, payee_display, demand_deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (reference) DO NOTHING
         RETURNING *`,
        [
          newCaseReference(),
          row.sellerId,
          row.type,
          row.platform,
          row.title,
          row.description,
          row.incidentAt,
          row.orderIds,
          row.amountDemanded,
          row.amountPaid,
          row.currency,
          row.demandChannel,
          row.payeeProvider,
          row.payeeAccount,
          row.payeeDisplay,
          row.demandDeadline,
        ],
      );
      if (inserted) return entityFromRow(manager, CaseEntity, inserted);
    }
    throw new Error(`No free case reference after ${REFERENCE_ATTEMPTS} attempts`);
  }

  findById(id: string, manager = this.dataSource.manager): Promise<CaseEntity | null> {
    return manager.findOneBy(CaseEntity, { id });
  }

  findByReference(reference: string): Promise<CaseEntity | null> {
    return this.dataSource.manager.findOneBy(CaseEntity, { reference });
  }

  lockById(manager: EntityManager, id: string): Promise<CaseEntity | null> {
    return manager.findOne(CaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Runs `work` in a transaction holding the case's row lock, so changes to it serialise. */
  lockAndRun<T>(
    id: string,
    work: (manager: EntityManager, locked: CaseEntity) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) =>
      work(manager, await this.lockOrFail(manager, id)),
    );
  }

  async lockOrFail(manager: EntityManager, id: string): Promise<CaseEntity> {
    const locked = await this.lockById(manager, id);
    if (!locked) throw new Error(`Case ${id} vanished`);
    return locked;
  }

  /** Saves a change and bumps the version that the ETag is made of. */
  async update(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<CaseEntity, 'status' | 'outcome' | 'priority'>>,
  ): Promise<CaseEntity> {
    await manager
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
    return manager.findOneByOrFail(CaseEntity, { id });
  }

  /** Newest first, `limit + 1` rows so the caller knows whether a next page exists. */
  list(filter: CaseFilter): Promise<CaseEntity[]> {
    const query = this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.sellerId) query.andWhere('c.sellerId = :sellerId', { sellerId: filter.sellerId });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.type) query.andWhere('c.type = :type', { type: filter.type });
    if (filter.text) {
      const pattern = `%${filter.text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      query.andWhere(
        new Brackets((where) =>
          where
            .where('c.title ILIKE :pattern', { pattern })
            .orWhere('c.description ILIKE :pattern', { pattern })
            .orWhere('c.reference ILIKE :pattern', { pattern }),
        ),
      );
    }
    if (filter.after) query.andWhere('(c.createdAt, c.id) < (:at, :id)', filter.after);
    return query.getMany();
  }
}
