import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NormalizedIdentifier } from './normalize-identifier';
import type { SightingSource, SightingStatus } from './sighting.entity';

export interface NewSighting {
  partyId: string | null;
  identifier: NormalizedIdentifier;
  source: SightingSource;
}

export interface ExtractedSighting {
  identifier: NormalizedIdentifier;
  confidence: number;
}

/** A sighting as moderators review it. */
export interface ReviewedSighting {
  id: string;
  caseId: string;
  evidenceId: string | null;
  identifierId: string;
  kind: string;
  value: string;
  display: string;
  source: string;
  confidence: number | null;
  status: SightingStatus;
}

/** An identifier a sighting links, in the group of the party it describes. */
export interface LinkedSighting {
  group: string;
  identifierId: string;
}

/**
 * Every write to the sightings table. The identifier rows must exist already
 * (IdentifiersRepository.insertMissing): each statement looks them up with a fresh snapshot,
 * which also sees rows that a concurrent filing committed meanwhile.
 */
@Injectable()
export class SightingsRepository {
  /** What the seller typed, in the order given. */
  async insertTyped(
    manager: EntityManager,
    caseId: string,
    sightings: NewSighting[],
  ): Promise<void> {
    if (sightings.length === 0) return;
    await manager.query(
      `INSERT INTO sightings (case_id, party_id, identifier_id, display, source, position)
       SELECT $1, t.party_id, i.id, t.display, t.source, t.position - 1
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
              WITH ORDINALITY AS t(party_id, kind, scope, value, display, source, position)
         JOIN identifiers i ON (i.kind, i.scope, i.value) = (t.kind, t.scope, t.value)
       ON CONFLICT DO NOTHING`,
      [
        caseId,
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
   * What was read from evidence, on the case rather than a party: linking decides the party.
   * The same identifier from the same kind of source is one sighting per case, so a second run,
   * or a second screenshot showing the same number, adds nothing. Returns how many are new.
   */
  async insertExtracted(
    manager: EntityManager,
    caseId: string,
    evidenceId: string,
    source: SightingSource,
    sightings: ExtractedSighting[],
  ): Promise<number> {
    if (sightings.length === 0) return 0;
    const identifiers = sightings.map((sighting) => sighting.identifier);
    const inserted: unknown[] = await manager.query(
      `WITH next AS (
         SELECT COALESCE(max(position), -1) + 1 AS position FROM sightings WHERE case_id = $1
       ), added AS (
         INSERT INTO sightings (case_id, party_id, identifier_id, display, source, position,
                                confidence, evidence_id)
         SELECT $1, NULL, i.id, t.display, $3, next.position + t.n - 1, t.confidence, $2
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::real[])
              WITH ORDINALITY AS t(kind, scope, value, display, confidence, n)
         JOIN identifiers i ON (i.kind, i.scope, i.value) = (t.kind, t.scope, t.value)
         CROSS JOIN next
         ON CONFLICT DO NOTHING
         RETURNING 1
       ) SELECT * FROM added`,
      [
        caseId,
        evidenceId,
        source,
        identifiers.map((identifier) => identifier.kind),
        identifiers.map((identifier) => identifier.scope),
        identifiers.map((identifier) => identifier.value),
        identifiers.map((identifier) => identifier.display),
        sightings.map((sighting) => sighting.confidence),
      ],
    );
    return inserted.length;
  }

  /**
   * One identifier added by hand, on a party of the case or on the case; undefined when the
   * case already holds it there from the same source.
   */
  async insertAdded(
    manager: EntityManager,
    caseId: string,
    partyId: string | null,
    identifier: NormalizedIdentifier,
    source: SightingSource,
  ): Promise<string | undefined> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO sightings (case_id, party_id, identifier_id, display, source, position)
       SELECT $1, $2, i.id, $6, $7,
              (SELECT COALESCE(max(position), -1) + 1 FROM sightings WHERE case_id = $1)
       FROM identifiers i WHERE (i.kind, i.scope, i.value) = ($3, $4, $5)
       ON CONFLICT DO NOTHING
       RETURNING id::text`,
      [
        caseId,
        partyId,
        identifier.kind,
        identifier.scope,
        identifier.value,
        identifier.display,
        source,
      ],
    );
    return row?.id;
  }

  /**
   * Marks the case's unlinked sightings linked and gives each its link group; returns the
   * identifiers and groups they bring, order ids left out (they link cases, not people). A
   * sighting on no party joins the case's only party; in a case of several parties, what the
   * seller typed on the case (a payee) groups together, while each handle read from a screenshot
   * or chat log stands alone, for it cannot say whose it is.
   */
  async markLinked(manager: EntityManager, caseId: string): Promise<LinkedSighting[]> {
    const rows: { link_group: string; identifier_id: string }[] = await manager.query(
      `WITH only_party AS (
         SELECT CASE WHEN count(*) = 1 THEN min(id::text) END AS id
         FROM reported_parties WHERE case_id = $1
       ), linked AS (
         UPDATE sightings s
         SET linked_at = now(),
             link_group = CASE WHEN i.kind = 'order_id' THEN NULL
                          ELSE COALESCE(s.party_id::text, (SELECT id FROM only_party),
                                        CASE WHEN s.source = 'seller' THEN 'case:' || s.case_id
                                             ELSE 'sighting:' || s.id END) END
         FROM identifiers i
         WHERE s.case_id = $1 AND s.linked_at IS NULL AND i.id = s.identifier_id
         RETURNING s.link_group, s.identifier_id, s.status
       )
       SELECT DISTINCT link_group, identifier_id::text FROM linked
       WHERE link_group IS NOT NULL AND status <> 'rejected'`,
      [caseId],
    );
    return rows.map((row) => ({ group: row.link_group, identifierId: row.identifier_id }));
  }

  /** The sighting, locked until the review commits, so two reviews of it take turns. */
  async findForUpdate(manager: EntityManager, id: string): Promise<ReviewedSighting | undefined> {
    const [row]: ReviewedSighting[] = await manager.query(
      `SELECT s.id::text, s.case_id::text AS "caseId", s.evidence_id::text AS "evidenceId",
              s.identifier_id::text AS "identifierId", i.kind, i.value, s.display, s.source,
              s.confidence, s.status
       FROM sightings s JOIN identifiers i ON i.id = s.identifier_id
       WHERE s.id = $1 FOR UPDATE OF s`,
      [id],
    );
    return row;
  }

  async setStatus(manager: EntityManager, id: string, status: SightingStatus): Promise<void> {
    await manager.query('UPDATE sightings SET status = $2 WHERE id = $1', [id, status]);
  }
}
