import { MigrationInterface, QueryRunner } from 'typeorm';

/** A duplicate points to the case it was merged into. Generated. */
export class CaseMerges1796571818547 implements MigrationInterface {
  name = 'CaseMerges1796571818547';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "merged_into" uuid`);
    await queryRunner.query(
      `CREATE INDEX "cases_merged_into_idx" ON "cases"  ("merged_into") WHERE merged_into IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_d32fe247e53b28b9ac4ee445287" FOREIGN KEY ("merged_into") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_d32fe247e53b28b9ac4ee445287"`);
    await queryRunner.query(`DROP INDEX "public"."cases_merged_into_idx"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "merged_into"`);
  }
}
