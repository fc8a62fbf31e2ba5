import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each evidence item keeps the analysis steps it gets and when each finished (OCR read,
 * identifiers extracted, linked), and what extraction found in it. Generated, then a backfill
 * added: evidence analysed before kept no step times, so a step its jobs left a trace of (OCR
 * text, amounts, linked sightings) is marked finished at the item's processed time, or at its
 * sightings' linking; a screenshot without OCR text gets no steps, as OCR was off or failed.
 * Items still being processed get their steps when they finish.
 */
export class EvidenceAnalysisSteps1796579687258 implements MigrationInterface {
  name = 'EvidenceAnalysisSteps1796579687258';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence" ADD "analysis_steps" text array`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "ocr_read_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "extracted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "linked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "found_identifiers" jsonb`);
    await queryRunner.query(
      `UPDATE "evidence" SET "analysis_steps" = (CASE
         WHEN status = 'rejected' THEN '{}'
         WHEN kind = 'chat_screenshot' AND ocr_text IS NOT NULL
           THEN '{ocr_read,identifiers_extracted,linked}'
         WHEN kind = 'chat_log' THEN '{identifiers_extracted,linked}'
         WHEN kind = 'order_export' THEN '{linked}'
         ELSE '{}' END)::text[]
       WHERE status IN ('processed', 'rejected')`,
    );
    await queryRunner.query(
      `UPDATE "evidence" SET "ocr_read_at" = processed_at
       WHERE kind = 'chat_screenshot' AND ocr_text IS NOT NULL`,
    );
    // Extraction always wrote the amounts it found, [] for none.
    await queryRunner.query(
      `UPDATE "evidence" SET "extracted_at" = processed_at, "found_identifiers" = '[]'
       WHERE amounts_demanded IS NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "evidence" e SET "found_identifiers" = found.identifiers
       FROM (SELECT s.evidence_id,
                    jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                      'kind', i.kind, 'value', i.value, 'display', s.display,
                      'platform', CASE WHEN i.kind = 'platform_account' THEN i.scope END,
                      'provider', CASE WHEN i.kind = 'payment_account' THEN i.scope END))
                      ORDER BY s.position) AS identifiers
             FROM sightings s JOIN identifiers i ON i.id = s.identifier_id
             WHERE s.evidence_id IS NOT NULL GROUP BY s.evidence_id) found
       WHERE found.evidence_id = e.id AND e.extracted_at IS NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "evidence" e
       SET "linked_at" = COALESCE(
         (SELECT max(s.linked_at) FROM sightings s WHERE s.evidence_id = e.id), e.extracted_at)
       WHERE e.extracted_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM sightings s
                         WHERE s.evidence_id = e.id AND s.linked_at IS NULL)`,
    );
    await queryRunner.query(
      `UPDATE "evidence" SET "linked_at" = processed_at
       WHERE kind = 'order_export' AND status = 'processed'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "found_identifiers"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "linked_at"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "extracted_at"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "ocr_read_at"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "analysis_steps"`);
  }
}
