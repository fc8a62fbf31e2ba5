import { MigrationInterface, QueryRunner } from 'typeorm';

/** The moderation queue's rank, why, and when it is next due. Generated; backfills added. */
export class ModerationQueue1796570034339 implements MigrationInterface {
  name = 'ModerationQueue1796570034339';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "queue_priority" real NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "priority_terms" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "rescore_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD "waiting_since" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    // Cases filed before the queue existed waited from their filing, and are ranked by the
    // first run of the rescoring job.
    await queryRunner.query(`UPDATE "cases" SET "waiting_since" = "created_at"`);
    await queryRunner.query(
      `UPDATE "cases" SET "rescore_at" = now() WHERE status IN ('open', 'in_review', 'awaiting_seller', 'escalated')`,
    );
    await queryRunner.query(
      `CREATE INDEX "cases_rescore_idx" ON "cases"  ("rescore_at") WHERE rescore_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "cases_queue_idx" ON "cases"  ("queue_priority", "id") WHERE status IN ('open', 'in_review', 'awaiting_seller', 'escalated')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."cases_queue_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_rescore_idx"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "waiting_since"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "rescore_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "priority_terms"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "queue_priority"`);
  }
}
