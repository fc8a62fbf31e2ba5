import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { KeysetCursor } from '../common/pagination/cursor';
import { CaseEntity } from './case.entity';
import { CaseStatus } from './case-status';
import { CaseType } from './case-type';
import { newCaseReference } from './case-reference';
import { entityFromRow } from '../database/entity-from-row';
import type { CaseFields } from './case-change';
import type { LockedCase } from './locked-case';

export type NewCase = Omit<
  CaseEntity,
  | 'id'
  | 'reference'
  | 'status'
  | 'outcome'
  | 'priority'
  | 'reportedElsewhere'
  | 'version'
  | 'lastEventSeq'
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

  /**
   * Inserts the case under a fresh reference, drawing another on the rare collision, with its
   * first timeline entry numbered. No other transaction sees the row before this one commits:
   * it is as good as locked. Only CaseWriter calls this.
   */
  async insert(manager: EntityManager, row: NewCase): Promise<LockedCase> {
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
      const [inserted]: Record<string, unknown>[] = await manager.query(
        `INSERT INTO cases (reference, seller_id, type, platform, title, description, incident_at,
                            order_ids, amount_demanded, amount_paid, currency, demand_channel,
                            payee_provider, payee_account, payee_display, demand_deadline,
                            last_event_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1)
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
      if (inserted) return entityFromRow(manager, CaseEntity, inserted) as LockedCase;
    }
    throw new Error(`No free case reference after ${REFERENCE_ATTEMPTS} attempts`);
  }

  findById(id: string, manager = this.dataSource.manager): Promise<CaseEntity | null> {
    return manager.findOneBy(CaseEntity, { id });
  }

  findByReference(reference: string): Promise<CaseEntity | null> {
    return this.dataSource.manager.findOneBy(CaseEntity, { reference });
  }

  /** Runs `work` in a transaction holding the case's row lock, so changes to it serialise. */
  lockAndRun<T>(
    id: string,
    work: (manager: EntityManager, locked: LockedCase) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) =>
      work(manager, await this.lock(manager, id)),
    );
  }

  async lock(manager: EntityManager, id: string): Promise<LockedCase> {
    const [locked] = await this.lockMany(manager, [id]);
    if (!locked) throw new Error(`Case ${id} vanished`);
    return locked;
  }

  /** Locks the cases in id order, so two transactions locking several cannot deadlock. */
  async lockMany(manager: EntityManager, ids: string[]): Promise<LockedCase[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await manager.query(
      'SELECT * FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [ids],
    );
    return rows.map((row) => entityFromRow(manager, CaseEntity, row) as LockedCase);
  }

  /**
   * Sets fields of a locked case and numbers its next timeline entry; a change its views show
   * also moves the version that the ETag is made of. Only CaseWriter calls this.
   */
  async applyFields(
    manager: EntityManager,
    id: string,
    fields: CaseFields,
    bumpsVersion: boolean,
  ): Promise<LockedCase> {
    // A bare UPDATE answers [rows, count] through TypeORM.
    const [rows]: [Record<string, unknown>[], number] = await manager.query(
      `UPDATE cases SET
         status = CASE WHEN $2 THEN $3 ELSE status END,
         outcome = CASE WHEN $4 THEN $5 ELSE outcome END,
         priority = CASE WHEN $6 THEN $7::integer ELSE priority END,
         reported_elsewhere = CASE WHEN $8 THEN $9::boolean ELSE reported_elsewhere END,
         version = version + $10::integer,
         updated_at = CASE WHEN $10::integer > 0 THEN now() ELSE updated_at END,
         last_event_seq = last_event_seq + 1
       WHERE id = $1
       RETURNING *`,
      [
        id,
        'status' in fields,
        fields.status ?? null,
        'outcome' in fields,
        fields.outcome ?? null,
        'priority' in fields,
        fields.priority ?? null,
        'reportedElsewhere' in fields,
        fields.reportedElsewhere ?? null,
        bumpsVersion ? 1 : 0,
      ],
    );
    const [updated] = rows;
    if (!updated) throw new Error(`Case ${id} vanished`);
    return entityFromRow(manager, CaseEntity, updated) as LockedCase;
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
