import { MigrationInterface, QueryRunner } from 'typeorm';

/** Canned replies that admins keep and moderators fill in. Generated. */
export class ReplyTemplates1796570578582 implements MigrationInterface {
  name = 'ReplyTemplates1796570578582';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reply_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "language" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reply_templates_language_check" CHECK (language IN ('en', 'zh')), CONSTRAINT "PK_5eea29db5f7f80ebf8210ee3df6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "reply_templates_name_language_key" ON "reply_templates"  ("name", "language") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."reply_templates_name_language_key"`);
    await queryRunner.query(`DROP TABLE "reply_templates"`);
  }
}
