import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Victims become shops: each (platform, shop id) that accounts registered becomes one row of
 * `shops`, and every seller account points to it, so two accounts of one shop are one victim.
 * Shop ids compare without regard to case. Generated, then edited to move the registered shops
 * over before the old columns go, and to restate the users' shop check, which dropping
 * `shop_platform` took with it. Also: cases' likely-duplicate pointer and separate-incident
 * mark, and offenders' count of verified victims (filled at their next linking or rescore).
 */
export class ShopsAndLikelyDuplicates1796578866993 implements MigrationInterface {
  name = 'ShopsAndLikelyDuplicates1796578866993';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "shops" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "platform" text NOT NULL, "platform_shop_id" text NOT NULL, "name" text NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by" uuid, "verification_method" text, "verification_note" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "shops_verification_check" CHECK ((verified_at IS NULL) = (verification_method IS NULL) AND (verified_at IS NULL) = (verified_by IS NULL)), CONSTRAINT "PK_3c6aaa6607d287de99815e60b96" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "shops_platform_shop_key" ON "shops" ("platform", lower("platform_shop_id"))`,
    );
    // The first account of each shop names it.
    await queryRunner.query(
      `INSERT INTO "shops" ("platform", "platform_shop_id", "name", "created_at")
       SELECT DISTINCT ON ("shop_platform", lower("shop_id")) "shop_platform", "shop_id", "shop_name", "created_at"
       FROM "users" WHERE "shop_platform" IS NOT NULL
       ORDER BY "shop_platform", lower("shop_id"), "created_at", "id"`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "shop_ref" uuid`);
    await queryRunner.query(
      `UPDATE "users" u SET "shop_ref" = s."id" FROM "shops" s
       WHERE s."platform" = u."shop_platform" AND lower(s."platform_shop_id") = lower(u."shop_id")`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "shop_platform"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "shop_name"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "shop_id"`);
    await queryRunner.query(`ALTER TABLE "users" RENAME COLUMN "shop_ref" TO "shop_id"`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_shop_check" CHECK ((role = 'seller') = (shop_id IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "shop_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "users_shop_idx" ON "users" ("shop_id") `);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_39e0ab619d2865a101db749751a" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "cases" ADD "likely_duplicate_of" uuid`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD "marked_separate_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_0ee5653715dfa62c516af16ca16" FOREIGN KEY ("likely_duplicate_of") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offenders" ADD "verified_seller_count" integer NOT NULL DEFAULT '0'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offenders" DROP COLUMN "verified_seller_count"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_0ee5653715dfa62c516af16ca16"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "marked_separate_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "likely_duplicate_of"`);
    await queryRunner.query(`ALTER TABLE "users" ADD "shop_platform" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "shop_name" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "shop_key" text`);
    await queryRunner.query(
      `UPDATE "users" u SET "shop_platform" = s."platform", "shop_name" = s."name", "shop_key" = s."platform_shop_id"
       FROM "shops" s WHERE s."id" = u."shop_id"`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "shop_id"`);
    await queryRunner.query(`ALTER TABLE "users" RENAME COLUMN "shop_key" TO "shop_id"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "shop_verified_at"`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_shop_check" CHECK ((role = 'seller') = (shop_platform IS NOT NULL))`,
    );
    await queryRunner.query(`DROP TABLE "shops"`);
  }
}
