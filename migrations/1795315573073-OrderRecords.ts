import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderRecords1795315573073 implements MigrationInterface {
  name = 'OrderRecords1795315573073';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "order_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evidence_id" uuid NOT NULL, "case_id" uuid NOT NULL, "seller_id" uuid NOT NULL, "row_number" integer NOT NULL, "order_id" text NOT NULL, "buyer" text, "amount" numeric, "currency" character(3), "ordered_at" TIMESTAMP WITH TIME ZONE, "status" text, "refunded" boolean NOT NULL DEFAULT false, "refund_amount" numeric, "rating" smallint, "review_text" text, CONSTRAINT "PK_72ef1a53061b881b401431b0fdc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "order_records_seller_buyer_idx" ON "order_records"  ("seller_id", "buyer") `,
    );
    await queryRunner.query(
      `CREATE INDEX "order_records_case_idx" ON "order_records"  ("case_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "order_records_evidence_row_key" ON "order_records"  ("evidence_id", "row_number") `,
    );
    await queryRunner.query(`ALTER TABLE "evidence" ADD "text_content" text`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "order_summary" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "order_records" ADD CONSTRAINT "FK_e2bac8c5580f0faff05da02657c" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_records" ADD CONSTRAINT "FK_e683dea0465e1e794d3e121ef38" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_records" ADD CONSTRAINT "FK_a4d71d80da78e76d379417edef3" FOREIGN KEY ("seller_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "order_records" DROP CONSTRAINT "FK_a4d71d80da78e76d379417edef3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_records" DROP CONSTRAINT "FK_e683dea0465e1e794d3e121ef38"`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_records" DROP CONSTRAINT "FK_e2bac8c5580f0faff05da02657c"`,
    );
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "order_summary"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "text_content"`);
    await queryRunner.query(`DROP INDEX "public"."order_records_evidence_row_key"`);
    await queryRunner.query(`DROP INDEX "public"."order_records_case_idx"`);
    await queryRunner.query(`DROP INDEX "public"."order_records_seller_buyer_idx"`);
    await queryRunner.query(`DROP TABLE "order_records"`);
  }
}
