import { MigrationInterface, QueryRunner } from 'typeorm';

/** The queue's counts per status come from a partial index alone. Generated. */
export class QueueStatusIndex1796573378588 implements MigrationInterface {
  name = 'QueueStatusIndex1796573378588';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "cases_open_status_idx" ON "cases"  ("status") WHERE status IN ('open', 'in_review', 'awaiting_seller', 'escalated')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."cases_open_status_idx"`);
  }
}
