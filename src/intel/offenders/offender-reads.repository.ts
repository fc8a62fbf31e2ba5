import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NormalizedIdentifier } from '../../identifiers/normalize-identifier';
import type { ExclusionReason } from './offender-member.entity';
import type { CurrencyTotals } from './offender.entity';
import type { ScoreCursor } from './score-cursor';

export interface OffenderRow {
  id: string;
  risk_score: number;
  repeat_offender: boolean;
  seller_count: number;
  verified_seller_count: number;
  case_count: number;
  upheld_count: number;
  first_seen_at: Date | null;
  last_seen_at: Date | null;
  totals: CurrencyTotals;
  case_types: string[];
  flagged_at: Date | null;
}

export interface IdentifierRow {
  id: string;
  kind: string;
  scope: string;
  value: string;
  party_count: number;
  excluded: ExclusionReason | null;
  offender_id: string | null;
}

export interface OffenderFilter {
  minSellers?: number;
  kind?: string;
  valuePrefix?: string;
  after?: ScoreCursor;
  limit: number;
}

const OFFENDER_COLUMNS = `o.id::text, o.risk_score, o.repeat_offender, o.seller_count, o.verified_seller_count, o.case_count, o.upheld_count,
  o.first_seen_at, o.last_seen_at, o.totals, o.case_types, o.flagged_at`;

/** What moderators read of offenders. */
@Injectable()
export class OffenderReadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Riskiest first, `limit + 1` rows; offenders whose complaints all stopped counting are left out. */
  list(filter: OffenderFilter): Promise<OffenderRow[]> {
    const where = ['o.case_count > 0'];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.minSellers) where.push(`o.seller_count >= ${param(filter.minSellers)}`);
    if (filter.kind || filter.valuePrefix) {
      const member = ['m.offender_id = o.id'];
      if (filter.kind) member.push(`i.kind = ${param(filter.kind)}`);
      if (filter.valuePrefix) {
        member.push(`i.value LIKE ${param(filter.valuePrefix.replace(/[\\%_]/g, '\\$&') + '%')}`);
      }
      where.push(`EXISTS (SELECT 1 FROM offender_members m JOIN identifiers i ON i.id = m.identifier_id
        WHERE ${member.join(' AND ')})`);
    }
    if (filter.after) {
      where.push(
        `(o.risk_score, o.id) < (${param(filter.after.score)}::real, ${param(filter.after.id)}::uuid)`,
      );
    }
    return this.dataSource.query(
      `SELECT ${OFFENDER_COLUMNS} FROM offenders o WHERE ${where.join(' AND ')}
       ORDER BY o.risk_score DESC, o.id DESC LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  async find(id: string): Promise<OffenderRow | undefined> {
    const [row]: OffenderRow[] = await this.dataSource.query(
      `SELECT ${OFFENDER_COLUMNS} FROM offenders o WHERE o.id = $1`,
      [id],
    );
    return row;
  }

  /** The offenders a case's linked identifiers belong to, riskiest first. */
  ofCase(caseId: string): Promise<OffenderRow[]> {
    return this.dataSource.query(
      `SELECT ${OFFENDER_COLUMNS} FROM offenders o WHERE o.id IN (
         SELECT m.offender_id FROM sightings s
         JOIN offender_members m ON m.identifier_id = s.identifier_id AND m.excluded IS NULL
         WHERE s.case_id = $1 AND s.link_group IS NOT NULL AND s.status <> 'rejected')
       ORDER BY o.risk_score DESC, o.id DESC`,
      [caseId],
    );
  }

  identifiersOf(offenderId: string): Promise<IdentifierRow[]> {
    return this.dataSource.query(
      `SELECT i.id::text, i.kind, i.scope, i.value, m.party_count, m.excluded, m.offender_id::text
       FROM offender_members m JOIN identifiers i ON i.id = m.identifier_id
       WHERE m.offender_id = $1 ORDER BY i.kind, i.value`,
      [offenderId],
    );
  }

  casesOf(offenderId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT c.id::text, c.reference, c.seller_id::text, c.type, c.status, c.created_at
       FROM cases c WHERE c.id IN (
         SELECT s.case_id FROM offender_members m
         JOIN sightings s ON s.identifier_id = m.identifier_id
          AND s.link_group IS NOT NULL AND s.status <> 'rejected'
         WHERE m.offender_id = $1)
       ORDER BY c.created_at DESC, c.id DESC`,
      [offenderId],
    );
  }

  async identifierById(id: string): Promise<{ id: string } | undefined> {
    const [row]: { id: string }[] = await this.dataSource.query(
      'SELECT id::text FROM identifiers WHERE id = $1',
      [id],
    );
    return row;
  }

  async findIdentifier(identifier: NormalizedIdentifier): Promise<IdentifierRow | undefined> {
    const [row]: IdentifierRow[] = await this.dataSource.query(
      `SELECT i.id::text, i.kind, i.scope, i.value, COALESCE(m.party_count, 0) AS party_count,
              m.excluded, m.offender_id::text
       FROM identifiers i LEFT JOIN offender_members m ON m.identifier_id = i.id
       WHERE i.kind = $1 AND i.scope = $2 AND i.value = $3`,
      [identifier.kind, identifier.scope, identifier.value],
    );
    return row;
  }

  /** Identifiers taken out of linking, most parties first, `limit + 1` rows. */
  listExcluded(filter: {
    reason?: ExclusionReason;
    after?: ScoreCursor;
    limit: number;
  }): Promise<IdentifierRow[]> {
    return this.dataSource.query(
      `SELECT i.id::text, i.kind, i.scope, i.value, m.party_count, m.excluded, m.offender_id::text
       FROM offender_members m JOIN identifiers i ON i.id = m.identifier_id
       WHERE m.excluded IS NOT NULL AND ($1::text IS NULL OR m.excluded = $1)
         AND ($2::int IS NULL OR (m.party_count, m.identifier_id) < ($2, $3::uuid))
       ORDER BY m.party_count DESC, m.identifier_id DESC LIMIT $4`,
      [
        filter.reason ?? null,
        filter.after?.score ?? null,
        filter.after?.id ?? null,
        filter.limit + 1,
      ],
    );
  }
}
