import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for moderators' figures over a period: decisions, first answers, misses. Generated. */
export class ModerationFigureIndexes1796572639917 implements MigrationInterface {
  name = 'ModerationFigureIndexes1796572639917';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "cases_resolution_breach_idx" ON "cases"  ("resolution_breached_at") WHERE resolution_breached_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "cases_first_response_breach_idx" ON "cases"  ("first_response_breached_at") WHERE first_response_breached_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "cases_first_response_idx" ON "cases"  ("first_response_at") WHERE first_response_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "cases_decided_idx" ON "cases"  ("decided_at") WHERE decided_at IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."cases_decided_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_first_response_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_first_response_breach_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_resolution_breach_idx"`);
  }
}
