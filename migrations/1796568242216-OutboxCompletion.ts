import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox row is done when its job has run, not when Redis took it: a Redis that loses its data
 * must not lose the work PostgreSQL owes. Generated; the backfill was added by hand.
 */
export class OutboxCompletion1796568242216 implements MigrationInterface {
  name = 'OutboxCompletion1796568242216';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "finished_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
    // Rows handed to BullMQ before this migration are taken as run: their jobs either ran or
    // are still queued under the same id, and reconciling years of history gains nothing.
    await queryRunner.query(
      `UPDATE "outbox" SET "finished_at" = "dispatched_at" WHERE "dispatched_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_unfinished_idx" ON "outbox"  ("dispatched_at", "id") WHERE dispatched_at IS NOT NULL AND finished_at IS NULL AND failed_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_unfinished_idx"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "failed_at"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "finished_at"`);
  }
}
