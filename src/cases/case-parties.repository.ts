import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IdentifierKind } from './identifiers/identifier-kind';
import type { NormalizedIdentifier } from './identifiers/normalize-identifier';
import type { SightingSource } from './identifiers/sighting.entity';

export interface NewSighting {
  partyId: string | null;
  identifier: NormalizedIdentifier;
  source: SightingSource;
}

export interface StoredSighting {
  partyId: string | null;
  kind: IdentifierKind;
  scope: string;
  value: string;
  display: string;
}

const keyOf = (identifier: { kind: string; scope: string; value: string }) =>
  `${identifier.kind}\u0000${identifier.scope}\u0000${identifier.value}`;

/** Reported parties and the identifiers seen in a case. */
@Injectable()
export class CasePartiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertParties(manager: EntityManager, caseId: string, count: number): Promise<string[]> {
    if (count === 0) return [];
    const rows: { id: string; position: number }[] = await manager.query(
      `INSERT INTO reported_parties (case_id, position)
       SELECT $1, position FROM generate_series(0, $2 - 1) AS position
       RETURNING id, position`,
      [caseId, count],
    );
    const ids: string[] = [];
    for (const row of rows) ids[row.position] = row.id;
    return ids;
  }

  /**
   * Records the sightings, creating each identifier row the first time any case mentions it. One
   * statement for all identifiers: the same value from two cases lands on the same row.
   */
  async insertSightings(
    manager: EntityManager,
    caseId: string,
    sightings: NewSighting[],
  ): Promise<void> {
    if (sightings.length === 0) return;
    const unique = new Map(sightings.map(({ identifier }) => [keyOf(identifier), identifier]));
    const identifiers = [...unique.values()];
    const columns = [
      identifiers.map((identifier) => identifier.kind),
      identifiers.map((identifier) => identifier.scope),
      identifiers.map((identifier) => identifier.value),
    ];
    // Sorted, so two filings naming the same new identifiers wait on each other in one order and
    // cannot deadlock. DO NOTHING rather than a no-op update, which would lock known identifiers
    // against every other filing naming the same offender until this transaction ends.
    await manager.query(
      `INSERT INTO identifiers (kind, scope, value)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ORDER BY 1, 2, 3
       ON CONFLICT (kind, scope, value) DO NOTHING`,
      columns,
    );
    const ids: { id: string; kind: string; scope: string; value: string }[] = await manager.query(
      `SELECT i.id, i.kind, i.scope, i.value
         FROM identifiers i
         JOIN unnest($1::text[], $2::text[], $3::text[]) AS t(kind, scope, value)
           ON (i.kind, i.scope, i.value) = (t.kind, t.scope, t.value)`,
      columns,
    );
    const idOf = new Map(ids.map((row) => [keyOf(row), row.id]));
    await manager.query(
      `INSERT INTO sightings (case_id, party_id, identifier_id, display, source, position)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[])
       ON CONFLICT DO NOTHING`,
      [
        caseId,
        sightings.map((sighting) => sighting.partyId),
        sightings.map((sighting) => idOf.get(keyOf(sighting.identifier))),
        sightings.map((sighting) => sighting.identifier.display),
        sightings.map((sighting) => sighting.source),
        sightings.map((_, position) => position),
      ],
    );
  }

  /** Every party's identifiers, in the order the seller gave them. */
  async findOfCase(caseId: string): Promise<{ partyIds: string[]; sightings: StoredSighting[] }> {
    const [parties, sightings]: [
      { id: string }[],
      {
        party_id: string | null;
        kind: IdentifierKind;
        scope: string;
        value: string;
        display: string;
      }[],
    ] = await Promise.all([
      this.dataSource.query(
        'SELECT id FROM reported_parties WHERE case_id = $1 ORDER BY position',
        [caseId],
      ),
      this.dataSource.query(
        `SELECT s.party_id, i.kind, i.scope, i.value, s.display
           FROM sightings s JOIN identifiers i ON i.id = s.identifier_id
          WHERE s.case_id = $1 ORDER BY s.position`,
        [caseId],
      ),
    ]);
    return {
      partyIds: parties.map((party) => party.id),
      sightings: sightings.map((row) => ({
        partyId: row.party_id,
        kind: row.kind,
        scope: row.scope,
        value: row.value,
        display: row.display,
      })),
    };
  }
}
