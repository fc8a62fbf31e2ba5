import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many of an offender's cases moderators upheld. Generated; offenders linked before count
 * theirs at their next linking.
 */
export class OffenderUpheldCount1796573656949 implements MigrationInterface {
  name = 'OffenderUpheldCount1796573656949';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "offenders" ADD "upheld_count" integer NOT NULL DEFAULT '0'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offenders" DROP COLUMN "upheld_count"`);
  }
}
