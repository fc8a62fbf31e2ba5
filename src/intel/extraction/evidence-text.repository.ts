import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SightingSource } from '../../cases/identifiers/sighting.entity';
import type { NormalizedIdentifier } from '../../cases/identifiers/normalize-identifier';

export interface EvidenceText {
  caseId: string;
  sha256: string;
  kind: string;
  /** A chat log's text, or what OCR already read from a screenshot; null when not read yet. */
  text: string | null;
}

export interface ExtractedSighting {
  identifier: NormalizedIdentifier;
  confidence: number;
}

/** The text of evidence, and the sightings read from it. */
@Injectable()
export class EvidenceTextRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A processed chat screenshot or chat log; undefined for anything else. */
  async find(evidenceId: string): Promise<EvidenceText | undefined> {
    const [row]: {
      case_id: string;
      sha256: string;
      kind: string;
      text: string | null;
    }[] = await this.dataSource.query(
      `SELECT case_id::text, sha256, kind,
              CASE kind WHEN 'chat_log' THEN text_content ELSE ocr_text END AS text
       FROM evidence
       WHERE id = $1 AND status = 'processed' AND kind IN ('chat_screenshot', 'chat_log')`,
      [evidenceId],
    );
    return row && { caseId: row.case_id, sha256: row.sha256, kind: row.kind, text: row.text };
  }

  /** OCR is slow: its text is kept at once, so a retry after a later failure reads it back. */
  async saveOcrText(evidenceId: string, text: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE evidence SET ocr_text = $2 WHERE id = $1 AND ocr_text IS NULL',
      [evidenceId, text],
    );
  }

  async saveAmounts(
    manager: EntityManager,
    evidenceId: string,
    amounts: { amount: string; currency: string }[],
  ): Promise<void> {
    await manager.query('UPDATE evidence SET amounts_demanded = $2 WHERE id = $1', [
      evidenceId,
      JSON.stringify(amounts),
    ]);
  }

  /**
   * Records what was read as sightings on the case, not on a party: linking decides the party.
   * The identifier rows must exist already (CasePartiesRepository.insertIdentifiers).
   * The same identifier from the same kind of source is one sighting per case, so a second run,
   * or a second screenshot showing the same number, adds nothing. Returns how many are new.
   */
  async insertSightings(
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
}
