import { MigrationInterface, QueryRunner } from 'typeorm';

/** Claims with a lease, and decisions that keep who made them and why, for moderation. Generated. */
export class ModerationClaimsAndDecisions1796569190500 implements MigrationInterface {
  name = 'ModerationClaimsAndDecisions1796569190500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "assignee_id" uuid`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "claim_expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "decided_by" uuid`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "decided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "resolution_summary" text`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD "resolution_actions" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "cases" ADD "appealed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "cases_claim_expiry_idx" ON "cases"  ("claim_expires_at") WHERE assignee_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_1e03d7426e634bc22f7241ebfba" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_1e03d7426e634bc22f7241ebfba"`);
    await queryRunner.query(`DROP INDEX "public"."cases_claim_expiry_idx"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "appealed_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "resolution_actions"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "resolution_summary"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "decided_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "decided_by"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "claim_expires_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "assignee_id"`);
  }
}
