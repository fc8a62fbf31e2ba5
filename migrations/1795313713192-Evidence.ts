import { MigrationInterface, QueryRunner } from 'typeorm';

export class Evidence1795313713192 implements MigrationInterface {
  name = 'Evidence1795313713192';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "uploaded_by" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'received', "file_name" text NOT NULL, "media_type" text NOT NULL, "size" bigint NOT NULL, "sha256" text NOT NULL, "width" integer, "height" integer, "perceptual_hash" text, "camera" jsonb, "gps" jsonb, "processed_at" TIMESTAMP WITH TIME ZONE, "error" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "evidence_sha256_idx" ON "evidence"  ("sha256") `);
    await queryRunner.query(
      `CREATE INDEX "evidence_case_created_idx" ON "evidence"  ("case_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "evidence_case_sha256_key" ON "evidence"  ("case_id", "sha256") `,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_8e209523267bb0bce6a16677cd3" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_97aa6cca7071d61f33d55c38e6c" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "evidence" DROP CONSTRAINT "FK_97aa6cca7071d61f33d55c38e6c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" DROP CONSTRAINT "FK_8e209523267bb0bce6a16677cd3"`,
    );
    await queryRunner.query(`DROP INDEX "public"."evidence_case_sha256_key"`);
    await queryRunner.query(`DROP INDEX "public"."evidence_case_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."evidence_sha256_idx"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
  }
}
