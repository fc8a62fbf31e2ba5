import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Screenshots are now hashed on their chat body alone (src/evidence/images/content-box.ts): the
 * same 256-bit DCT hash, taken between the title bar and the input bar and inside any black beside
 * the picture, so that a copy with the status bar cropped or a screenshot of the screenshot
 * matches; it is matched within 12 bits instead of 10, so in 13 bands of 20 bits instead of 11 of
 * 24. Written by hand, as no column changes (text and integer). Every stored hash and band is
 * cleared, and each processed screenshot gets a rehash job through the outbox, which hashes it
 * again from its stored original and matches it; until its job has run, a screenshot neither
 * matches nor is matched. Matches found before are kept, with their distance under the old hash.
 */
export class PerceptualHashContentBox1796603652315 implements MigrationInterface {
  name = 'PerceptualHashContentBox1796603652315';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "screenshot_bands"`);
    await queryRunner.query(
      `UPDATE "evidence" SET "perceptual_hash" = NULL WHERE "perceptual_hash" IS NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "outbox" ("event", "job_name", "payload")
       SELECT 'screenshot.rehash-due', 'evidence.rehash-screenshot',
              jsonb_build_object('evidenceId', "id"::text)
       FROM "evidence" WHERE "kind" = 'chat_screenshot' AND "status" = 'processed'`,
    );
  }

  /** The whole-picture hashes are gone: screenshots stay unhashed until processed again. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "outbox" WHERE "event" = 'screenshot.rehash-due' AND "dispatched_at" IS NULL`,
    );
  }
}
