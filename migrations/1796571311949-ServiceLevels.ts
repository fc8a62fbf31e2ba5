import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service levels: when moderators must first answer a case and decide it, and when either was
 * missed. Generated. Cases filed before have no due times and are not held to any.
 */
export class ServiceLevels1796571311949 implements MigrationInterface {
  name = 'ServiceLevels1796571311949';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cases" ADD "first_response_due_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "cases" ADD "resolution_due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "first_response_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD "first_response_breached_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD "resolution_breached_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "cases_resolution_due_idx" ON "cases"  ("resolution_due_at") WHERE resolution_breached_at IS NULL AND status IN ('open', 'in_review', 'awaiting_seller', 'escalated')`,
    );
    await queryRunner.query(
      `CREATE INDEX "cases_first_response_due_idx" ON "cases"  ("first_response_due_at") WHERE first_response_at IS NULL AND first_response_breached_at IS NULL AND status IN ('open', 'in_review', 'awaiting_seller', 'escalated')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."cases_first_response_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_resolution_due_idx"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "resolution_breached_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "first_response_breached_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "first_response_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "resolution_due_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "first_response_due_at"`);
  }
}
