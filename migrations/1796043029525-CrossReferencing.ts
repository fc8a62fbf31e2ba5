import { MigrationInterface, QueryRunner } from 'typeorm';

export class CrossReferencing1796043029525 implements MigrationInterface {
  name = 'CrossReferencing1796043029525';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "kind" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "hit_count" integer NOT NULL, "account_count" integer NOT NULL, "seller_count" integer NOT NULL, "per_hour" jsonb NOT NULL, "per_day" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "campaigns_recent_idx" ON "campaigns"  ("ends_at", "id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "campaigns_key" ON "campaigns"  ("key") `);
    await queryRunner.query(
      `CREATE TABLE "campaign_accounts" ("campaign_id" uuid NOT NULL, "account" text NOT NULL, CONSTRAINT "PK_e9181107242de44b8f0787265b3" PRIMARY KEY ("campaign_id", "account"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "campaign_accounts_account_idx" ON "campaign_accounts"  ("account") `,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_sellers" ("campaign_id" uuid NOT NULL, "seller_id" uuid NOT NULL, CONSTRAINT "PK_7227541be80dfa90e8c19c48be0" PRIMARY KEY ("campaign_id", "seller_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "campaign_sellers_seller_idx" ON "campaign_sellers"  ("seller_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_cases" ("campaign_id" uuid NOT NULL, "case_id" uuid NOT NULL, CONSTRAINT "PK_f2ea2a98f839625723369cf77ab" PRIMARY KEY ("campaign_id", "case_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "campaign_cases_case_idx" ON "campaign_cases"  ("case_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "screenshot_bands" ("band" integer NOT NULL, "evidence_id" uuid NOT NULL, CONSTRAINT "PK_25ff685403b00e3f96fc81e198a" PRIMARY KEY ("band", "evidence_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "screenshot_bands_evidence_idx" ON "screenshot_bands"  ("evidence_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "screenshot_matches" ("evidence_id" uuid NOT NULL, "other_evidence_id" uuid NOT NULL, "case_id" uuid NOT NULL, "other_case_id" uuid NOT NULL, "distance" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2b4decfa7fbbd71ee383a67bdef" PRIMARY KEY ("evidence_id", "other_evidence_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "screenshot_matches_other_case_idx" ON "screenshot_matches"  ("other_case_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "screenshot_matches_case_idx" ON "screenshot_matches"  ("case_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD "reported_elsewhere" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "evidence" ADD "ocr_text" text`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "amounts_demanded" jsonb`);
    await queryRunner.query(
      `CREATE INDEX "order_records_seller_time_idx" ON "order_records"  ("seller_id", "ordered_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "order_records_buyer_idx" ON "order_records"  ("buyer", "ordered_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_accounts" ADD CONSTRAINT "FK_b2b1f014fcf18868016cc311875" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_sellers" ADD CONSTRAINT "FK_fd15432a5b333aefb00424d87c0" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_sellers" ADD CONSTRAINT "FK_08c2c027ecc2aaca63c8a86d324" FOREIGN KEY ("seller_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_cases" ADD CONSTRAINT "FK_24c70601ce37cdd3b42ddbd8c1b" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_cases" ADD CONSTRAINT "FK_676a04441e50ec1d87beb0feedc" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot_bands" ADD CONSTRAINT "FK_a15d1ee5aacb32d0939aa0d3dec" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot_matches" ADD CONSTRAINT "FK_b79d84f2230bacb4324f4a39155" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot_matches" ADD CONSTRAINT "FK_c66b3b1946f31415b2e3b0b4850" FOREIGN KEY ("other_evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot_matches" ADD CONSTRAINT "FK_8744ed9432ceddc901199eab3ae" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot_matches" ADD CONSTRAINT "FK_14771b279fa216a7e438110ed7e" FOREIGN KEY ("other_case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "screenshot_matches" DROP CONSTRAINT "FK_14771b279fa216a7e438110ed7e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot_matches" DROP CONSTRAINT "FK_8744ed9432ceddc901199eab3ae"`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot_matches" DROP CONSTRAINT "FK_c66b3b1946f31415b2e3b0b4850"`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot_matches" DROP CONSTRAINT "FK_b79d84f2230bacb4324f4a39155"`,
    );
    await queryRunner.query(
      `ALTER TABLE "screenshot_bands" DROP CONSTRAINT "FK_a15d1ee5aacb32d0939aa0d3dec"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_cases" DROP CONSTRAINT "FK_676a04441e50ec1d87beb0feedc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_cases" DROP CONSTRAINT "FK_24c70601ce37cdd3b42ddbd8c1b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_sellers" DROP CONSTRAINT "FK_08c2c027ecc2aaca63c8a86d324"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_sellers" DROP CONSTRAINT "FK_fd15432a5b333aefb00424d87c0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_accounts" DROP CONSTRAINT "FK_b2b1f014fcf18868016cc311875"`,
    );
    await queryRunner.query(`DROP INDEX "public"."order_records_buyer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."order_records_seller_time_idx"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "amounts_demanded"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "ocr_text"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "reported_elsewhere"`);
    await queryRunner.query(`DROP INDEX "public"."screenshot_matches_case_idx"`);
    await queryRunner.query(`DROP INDEX "public"."screenshot_matches_other_case_idx"`);
    await queryRunner.query(`DROP TABLE "screenshot_matches"`);
    await queryRunner.query(`DROP INDEX "public"."screenshot_bands_evidence_idx"`);
    await queryRunner.query(`DROP TABLE "screenshot_bands"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_cases_case_idx"`);
    await queryRunner.query(`DROP TABLE "campaign_cases"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_sellers_seller_idx"`);
    await queryRunner.query(`DROP TABLE "campaign_sellers"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_accounts_account_idx"`);
    await queryRunner.query(`DROP TABLE "campaign_accounts"`);
    await queryRunner.query(`DROP INDEX "public"."campaigns_key"`);
    await queryRunner.query(`DROP INDEX "public"."campaigns_recent_idx"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
  }
}
