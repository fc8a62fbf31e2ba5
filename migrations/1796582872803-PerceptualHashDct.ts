import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Screenshots are now hashed with a 256-bit DCT hash (64 hex digits) matched within 10 bits, cut
 * into 11 bands, instead of a 64-bit difference hash within 4 bits in 5 bands: the columns stay
 * (text and integer), their contents do not. Written by hand, as no column changes. Every stored hash and band is cleared, and each processed
 * screenshot gets a rehash job through the outbox, which hashes it again from its stored original
 * and matches it; until its job has run, a screenshot neither matches nor is matched. Matches
 * found before are kept, with their distance under the old hash.
 */
export class PerceptualHashDct1796582872803 implements MigrationInterface {
  name = 'PerceptualHashDct1796582872803';

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

  /** The difference hashes are gone: screenshots stay unhashed until processed again. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "outbox" WHERE "event" = 'screenshot.rehash-due' AND "dispatched_at" IS NULL`,
    );
  }
}
