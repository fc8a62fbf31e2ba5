import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { KeysetCursor } from '../common/pagination/cursor';
import { CaseEntity } from './case.entity';
import { CaseStatus } from './case-status';
import { CaseType } from './case-type';
import { entityFromRow } from '../database/entity-from-row';
import type { LockedCase } from './locked-case';
import { UNDECIDED } from './case-transitions';
import type { PriorityTerm } from './priority-term';

export type NewCase = Omit<
  CaseEntity,
  | 'id'
  | 'reference'
  | 'status'
  | 'outcome'
  | 'priority'
  | 'reportedElsewhere'
  | 'assigneeId'
  | 'claimExpiresAt'
  | 'decidedBy'
  | 'decidedAt'
  | 'resolutionSummary'
  | 'resolutionActions'
  | 'appealedAt'
  | 'mergedInto'
  | 'likelyDuplicateOf'
  | 'markedSeparateAt'
  | 'queuePriority'
  | 'priorityTerms'
  | 'rescoreAt'
  | 'waitingSince'
  | 'firstResponseAt'
  | 'firstResponseBreachedAt'
  | 'resolutionBreachedAt'
  | 'version'
  | 'lastEventSeq'
  | 'createdAt'
  | 'updatedAt'
>;

export interface QueueRank {
  caseId: string;
  priority: number;
  terms: PriorityTerm[];
  rescoreAt: Date | null;
}

export interface CaseFilter {
  sellerId?: string;
  status?: CaseStatus;
  type?: CaseType;
  text?: string;
  after?: KeysetCursor;
  limit: number;
}

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  /** Runs `work` in a transaction holding the rows of all the cases, locked in id order. */
  lockManyAndRun<T>(
    ids: string[],
    work: (manager: EntityManager, locked: LockedCase[]) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) =>
      work(manager, await this.lockMany(manager, ids)),
    );
  }

  /** The duplicates merged into a case. */
  async mergedInto(targetId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM cases WHERE merged_into = $1 ORDER BY created_at, id',
      [targetId],
    );
    return rows.map((row) => row.id);
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
   * Sets the moderation queue's rank of each case: derived data, so no timeline entry and no new
   * version. A case that left the queue keeps no rank and no time to be ranked again.
   */
  async setQueueRanks(ranks: QueueRank[]): Promise<void> {
    if (ranks.length === 0) return;
    await this.dataSource.query(
      `UPDATE cases c SET queue_priority = r.priority, priority_terms = r.terms,
              rescore_at = r.rescore_at
         FROM unnest($1::uuid[], $2::real[], $3::jsonb[], $4::timestamptz[])
              AS r(id, priority, terms, rescore_at)
        WHERE c.id = r.id`,
      [
        ranks.map((rank) => rank.caseId),
        ranks.map((rank) => rank.priority),
        ranks.map((rank) => JSON.stringify(rank.terms)),
        ranks.map((rank) => rank.rescoreAt),
      ],
    );
  }

  /** Undecided cases past a service level that is not yet marked breached, soonest due first. */
  async serviceLevelsDue(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `(SELECT id, first_response_due_at AS due FROM cases
         WHERE first_response_at IS NULL AND first_response_breached_at IS NULL
           AND status = ANY($3::text[]) AND first_response_due_at <= $1)
       UNION
       (SELECT id, resolution_due_at AS due FROM cases
         WHERE resolution_breached_at IS NULL
           AND status = ANY($3::text[]) AND resolution_due_at <= $1)
       ORDER BY due LIMIT $2`,
      [now, limit, UNDECIDED],
    );
    return [...new Set(rows.map((row) => row.id))];
  }

  /** Cases whose rank moved with the clock by `now`, soonest first. */
  async dueForRanking(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM cases WHERE rescore_at <= $1 ORDER BY rescore_at LIMIT $2',
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Cases whose claim's lease ended before `now`, oldest lapse first. */
  async lapsedClaims(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM cases WHERE assignee_id IS NOT NULL AND claim_expires_at <= $1
         ORDER BY claim_expires_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.id);
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
