import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IdentifierKind } from './identifiers/identifier-kind';
import { type NormalizedIdentifier, uniqueIdentifiers } from './identifiers/normalize-identifier';
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

/** Reported parties and the identifiers seen in a case. */
@Injectable()
export class CasePartiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records the reported parties and every identifier seen in the case, creating each identifier
   * row the first time any case mentions it, so the same value from two cases is one row. Two
   * statements: the sightings insert looks the identifiers up with a fresh snapshot, which also
   * sees rows that a concurrent filing committed while the first statement ran.
   */
  async insertPartiesAndSightings(
    manager: EntityManager,
    caseId: string,
    partyIds: string[],
    sightings: NewSighting[],
  ): Promise<void> {
    await this.insertIdentifiers(
      manager,
      sightings.map((sighting) => sighting.identifier),
    );
    if (partyIds.length === 0 && sightings.length === 0) return;
    await manager.query(
      `WITH parties AS (
         INSERT INTO reported_parties (id, case_id, position)
         SELECT id, $1, position - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, position)
       )
       INSERT INTO sightings (case_id, party_id, identifier_id, display, source, position)
       SELECT $1, t.party_id, i.id, t.display, t.source, t.position - 1
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
              WITH ORDINALITY AS t(party_id, kind, scope, value, display, source, position)
         JOIN identifiers i ON (i.kind, i.scope, i.value) = (t.kind, t.scope, t.value)
       ON CONFLICT DO NOTHING`,
      [
        caseId,
        partyIds,
        sightings.map((sighting) => sighting.partyId),
        sightings.map((sighting) => sighting.identifier.kind),
        sightings.map((sighting) => sighting.identifier.scope),
        sightings.map((sighting) => sighting.identifier.value),
        sightings.map((sighting) => sighting.identifier.display),
        sightings.map((sighting) => sighting.source),
      ],
    );
  }

  /**
   * Creates each identifier row the first time anything names it. Sorted, so two filings naming
   * the same new identifiers wait on each other in one order and cannot deadlock. DO NOTHING
   * rather than a no-op update, which would lock known identifiers against every other filing
   * naming the same offender until this one commits.
   */
  async insertIdentifiers(
    manager: EntityManager,
    identifiers: NormalizedIdentifier[],
  ): Promise<void> {
    const unique = uniqueIdentifiers(identifiers);
    if (unique.length === 0) return;
    await manager.query(
      `INSERT INTO identifiers (kind, scope, value)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ORDER BY 1, 2, 3
       ON CONFLICT (kind, scope, value) DO NOTHING`,
      [
        unique.map((identifier) => identifier.kind),
        unique.map((identifier) => identifier.scope),
        unique.map((identifier) => identifier.value),
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
