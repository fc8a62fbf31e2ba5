import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IdentifierKind } from '../identifiers/identifier-kind';

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

  /** The reported parties of a new case, in the order the seller gave them. */
  async insertParties(manager: EntityManager, caseId: string, partyIds: string[]): Promise<void> {
    if (partyIds.length === 0) return;
    await manager.query(
      `INSERT INTO reported_parties (id, case_id, position)
       SELECT id, $1, position - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, position)`,
      [caseId, partyIds],
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
