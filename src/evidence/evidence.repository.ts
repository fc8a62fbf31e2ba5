import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { entityFromRow } from '../database/entity-from-row';
import type { FoundIdentifier } from './analysis/found-identifier';
import { EvidenceEntity } from './evidence.entity';
import type { ExtractedIdentifierView } from './evidence.view';

export type NewEvidence = Pick<
  EvidenceEntity,
  'caseId' | 'uploadedBy' | 'kind' | 'fileName' | 'mediaType' | 'size' | 'sha256'
>;

@Injectable()
export class EvidenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the items; bytes already on the case come back as the existing row, flagged so the
   * caller writes no event or job for them.
   */
  async insertOrFind(
    manager: EntityManager,
    items: NewEvidence[],
  ): Promise<{ evidence: EvidenceEntity; created: boolean }[]> {
    const results: { evidence: EvidenceEntity; created: boolean }[] = [];
    for (const item of items) {
      const [inserted]: Record<string, unknown>[] = await manager.query(
        `INSERT INTO evidence (case_id, uploaded_by, kind, file_name, media_type, size, sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (case_id, sha256) DO NOTHING RETURNING *`,
        [
          item.caseId,
          item.uploadedBy,
          item.kind,
          item.fileName,
          item.mediaType,
          item.size,
          item.sha256,
        ],
      );
      if (inserted) {
        results.push({ evidence: entityFromRow(manager, EvidenceEntity, inserted), created: true });
      } else {
        const existing = await manager.findOneByOrFail(EvidenceEntity, {
          caseId: item.caseId,
          sha256: item.sha256,
        });
        results.push({ evidence: existing, created: false });
      }
    }
    return results;
  }

  /** received → processing; false when another delivery of the job got there first or it is done. */
  async startProcessing(id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(EvidenceEntity)
      .update({ id, status: In(['received', 'processing']) }, { status: 'processing' });
    return result.affected === 1;
  }

  /** processing → its outcome; false when another delivery of the job already finished it. */
  async finish(
    manager: EntityManager,
    id: string,
    outcome: Partial<
      Pick<
        EvidenceEntity,
        | 'status'
        | 'width'
        | 'height'
        | 'perceptualHash'
        | 'camera'
        | 'gps'
        | 'textContent'
        | 'orderSummary'
        | 'analysisSteps'
        | 'error'
      >
    >,
  ): Promise<boolean> {
    const result = await manager.update(EvidenceEntity, { id, status: 'processing' }, {
      ...outcome,
      camera: outcome.camera ?? null,
      gps: outcome.gps ?? null,
      processedAt: new Date(),
    } as Partial<EvidenceEntity>);
    return result.affected === 1;
  }

  /** Sets a processed screenshot's hash that a migration cleared; false when already set. */
  async saveRehash(manager: EntityManager, id: string, perceptualHash: string): Promise<boolean> {
    const result = await manager.update(
      EvidenceEntity,
      { id, status: 'processed', perceptualHash: IsNull() },
      { perceptualHash },
    );
    return result.affected === 1;
  }

  /**
   * OCR is slow: its text is kept at once, so a retry after a later failure reads it back. False
   * when a delivery before this one kept it.
   */
  async saveOcrText(manager: EntityManager, id: string, text: string): Promise<boolean> {
    const updated: unknown[] = await manager.query(
      `WITH kept AS (
         UPDATE evidence SET ocr_text = $2, ocr_read_at = now()
         WHERE id = $1 AND ocr_text IS NULL RETURNING 1
       ) SELECT * FROM kept`,
      [id, text],
    );
    return updated.length > 0;
  }

  /** What extraction found in the item's text; the time of the first run stays. */
  async saveExtraction(
    manager: EntityManager,
    id: string,
    found: { amounts: { amount: string; currency: string }[]; identifiers: FoundIdentifier[] },
  ): Promise<void> {
    await manager.query(
      `UPDATE evidence
       SET amounts_demanded = $2, found_identifiers = $3, extracted_at = COALESCE(extracted_at, now())
       WHERE id = $1`,
      [id, JSON.stringify(found.amounts), JSON.stringify(found.identifiers)],
    );
  }

  /** Whether an item of the case has been searched and not yet marked linked. */
  async awaitsLinking(caseId: string): Promise<boolean> {
    const [row]: { awaits: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM evidence
                      WHERE case_id = $1 AND extracted_at IS NOT NULL AND linked_at IS NULL)
              AS awaits`,
      [caseId],
    );
    return row.awaits;
  }

  /**
   * Marks linked the searched items of the case (or the one item) none of whose own sightings
   * still waits for linking: at once for an item in which nothing was found. Returns those it
   * marked now, so that each is announced once.
   */
  async markLinked(
    manager: EntityManager,
    caseId: string,
    evidenceId: string | null = null,
  ): Promise<{ id: string; identifiersFound: number | null }[]> {
    return manager.query(
      `WITH marked AS (
         UPDATE evidence e SET linked_at = now()
         WHERE e.case_id = $1 AND ($2::uuid IS NULL OR e.id = $2)
           AND e.extracted_at IS NOT NULL AND e.linked_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM sightings s
                           WHERE s.case_id = e.case_id AND s.evidence_id = e.id
                             AND s.linked_at IS NULL)
         RETURNING e.id, e.created_at, e.found_identifiers
       )
       SELECT id::text, jsonb_array_length(found_identifiers) AS "identifiersFound"
       FROM marked ORDER BY created_at, id`,
      [caseId, evidenceId],
    );
  }

  /** Marks an order export's orders searched for campaigns; its case when it did so now. */
  async markCrossReferenced(manager: EntityManager, id: string): Promise<string | undefined> {
    const [row]: { case_id: string }[] = await manager.query(
      `WITH marked AS (
         UPDATE evidence SET linked_at = now()
         WHERE id = $1 AND linked_at IS NULL AND 'linked' = ANY(analysis_steps)
         RETURNING case_id
       ) SELECT case_id::text FROM marked`,
      [id],
    );
    return row?.case_id;
  }

  findById(id: string): Promise<EvidenceEntity | null> {
    return this.dataSource.manager.findOneBy(EvidenceEntity, { id });
  }

  /** A chat log's text and what OCR read, which the row leaves out unless asked. */
  async textsOf(id: string): Promise<{ textContent: string | null; ocrText: string | null }> {
    const [row]: { text_content: string | null; ocr_text: string | null }[] =
      await this.dataSource.query('SELECT text_content, ocr_text FROM evidence WHERE id = $1', [
        id,
      ]);
    return { textContent: row?.text_content ?? null, ocrText: row?.ocr_text ?? null };
  }

  /** The identifiers read from each item's text, in the order they were found. */
  async identifiersOf(evidenceIds: string[]): Promise<Map<string, ExtractedIdentifierView[]>> {
    const rows: (ExtractedIdentifierView & { evidence_id: string })[] = await this.dataSource.query(
      `SELECT s.evidence_id::text, s.id::text, i.kind, i.value, s.display, s.source,
              s.confidence, s.status
       FROM sightings s JOIN identifiers i ON i.id = s.identifier_id
       WHERE s.evidence_id = ANY($1::uuid[]) ORDER BY s.position`,
      [evidenceIds],
    );
    const byEvidence = new Map<string, ExtractedIdentifierView[]>();
    for (const { evidence_id, ...identifier } of rows) {
      byEvidence.set(evidence_id, [...(byEvidence.get(evidence_id) ?? []), identifier]);
    }
    return byEvidence;
  }

  /** Which of these hashes some evidence row names. */
  async referencedHashes(hashes: string[]): Promise<Set<string>> {
    const rows: { sha256: string }[] = await this.dataSource.query(
      'SELECT DISTINCT sha256 FROM evidence WHERE sha256 = ANY($1::text[])',
      [hashes],
    );
    return new Set(rows.map((row) => row.sha256));
  }

  /** What the progress stream follows of each item: no texts. */
  progressOfCase(caseId: string): Promise<EvidenceEntity[]> {
    return this.dataSource.manager.find(EvidenceEntity, {
      select: {
        id: true,
        status: true,
        error: true,
        analysisSteps: true,
        ocrReadAt: true,
        extractedAt: true,
        linkedAt: true,
        foundIdentifiers: true,
        amountsDemanded: true,
      },
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  listOfCase(caseId: string): Promise<EvidenceEntity[]> {
    return this.dataSource.manager.find(EvidenceEntity, {
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
