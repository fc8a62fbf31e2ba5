import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExcludedIdentifiersIndex1796046250685 implements MigrationInterface {
  name = 'ExcludedIdentifiersIndex1796046250685';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "offender_members_excluded_idx" ON "offender_members"  ("party_count", "identifier_id") WHERE excluded IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."offender_members_excluded_idx"`);
  }
}
