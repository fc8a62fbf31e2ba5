import { MigrationInterface, QueryRunner } from 'typeorm';

export class OffenderLinking1795318675857 implements MigrationInterface {
  name = 'OffenderLinking1795318675857';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "offenders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_count" integer NOT NULL DEFAULT '0', "seller_count" integer NOT NULL DEFAULT '0', "case_count" integer NOT NULL DEFAULT '0', "first_seen_at" TIMESTAMP WITH TIME ZONE, "last_seen_at" TIMESTAMP WITH TIME ZONE, "totals" jsonb NOT NULL DEFAULT '{}', "case_types" text array NOT NULL DEFAULT '{}', "risk_score" real NOT NULL DEFAULT '0', "repeat_offender" boolean NOT NULL DEFAULT false, "flagged_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_32a601b17d47e27e6e036b34ac1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "offenders_risk_idx" ON "offenders"  ("risk_score", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "offender_members" ("identifier_id" uuid NOT NULL, "offender_id" uuid, "party_count" integer NOT NULL DEFAULT '0', "excluded" text, CONSTRAINT "PK_7e534ce0c3f92010187be9a72d0" PRIMARY KEY ("identifier_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "offender_members_offender_idx" ON "offender_members"  ("offender_id") `,
    );
    await queryRunner.query(`ALTER TABLE "sightings" ADD "status" text NOT NULL DEFAULT 'active'`);
    await queryRunner.query(`ALTER TABLE "sightings" ADD "confidence" real`);
    await queryRunner.query(`ALTER TABLE "sightings" ADD "evidence_id" uuid`);
    await queryRunner.query(`ALTER TABLE "sightings" ADD "linked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "sightings" ADD "link_group" text`);
    await queryRunner.query(
      `CREATE INDEX "sightings_link_group_idx" ON "sightings"  ("link_group") WHERE link_group IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "sightings_unlinked_idx" ON "sightings"  ("case_id") WHERE linked_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "offender_members" ADD CONSTRAINT "FK_7e534ce0c3f92010187be9a72d0" FOREIGN KEY ("identifier_id") REFERENCES "identifiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offender_members" ADD CONSTRAINT "FK_03b86da94285a901d22b329159a" FOREIGN KEY ("offender_id") REFERENCES "offenders"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "offender_members" DROP CONSTRAINT "FK_03b86da94285a901d22b329159a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "offender_members" DROP CONSTRAINT "FK_7e534ce0c3f92010187be9a72d0"`,
    );
    await queryRunner.query(`DROP INDEX "public"."sightings_unlinked_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sightings_link_group_idx"`);
    await queryRunner.query(`ALTER TABLE "sightings" DROP COLUMN "link_group"`);
    await queryRunner.query(`ALTER TABLE "sightings" DROP COLUMN "linked_at"`);
    await queryRunner.query(`ALTER TABLE "sightings" DROP COLUMN "evidence_id"`);
    await queryRunner.query(`ALTER TABLE "sightings" DROP COLUMN "confidence"`);
    await queryRunner.query(`ALTER TABLE "sightings" DROP COLUMN "status"`);
    await queryRunner.query(`DROP INDEX "public"."offender_members_offender_idx"`);
    await queryRunner.query(`DROP TABLE "offender_members"`);
    await queryRunner.query(`DROP INDEX "public"."offenders_risk_idx"`);
    await queryRunner.query(`DROP TABLE "offenders"`);
  }
}
