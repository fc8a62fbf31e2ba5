import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1795310143503 implements MigrationInterface {
  name = 'Cases1795310143503';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "seller_id" uuid NOT NULL, "type" text NOT NULL, "platform" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "incident_at" TIMESTAMP WITH TIME ZONE, "order_ids" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'open', "outcome" text, "priority" integer NOT NULL DEFAULT '0', "amount_demanded" numeric, "amount_paid" numeric, "currency" text, "demand_channel" text, "payee_provider" text, "payee_account" text, "payee_display" text, "demand_deadline" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cases_amount_paid_check" CHECK (amount_paid >= 0), CONSTRAINT "cases_amount_demanded_check" CHECK (amount_demanded > 0), CONSTRAINT "cases_amounts_check" CHECK ((amount_demanded IS NULL AND amount_paid IS NULL) OR currency IS NOT NULL), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "cases_created_idx" ON "cases"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "cases_seller_created_idx" ON "cases"  ("seller_id", "created_at", "id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "cases_reference_key" ON "cases"  ("reference") `);
    await queryRunner.query(
      `CREATE TABLE "case_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "actor_id" uuid, "kind" text NOT NULL, "visibility" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_61f203ee26b76c6438bbcc7bde6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_events_case_idx" ON "case_events"  ("case_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "case_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "author_id" uuid NOT NULL, "author_role" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_abd10cae638adbb2365d2446d10" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_messages_case_idx" ON "case_messages"  ("case_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "identifiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "scope" text NOT NULL DEFAULT '', "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4daa2122a9dee583d874bf3456" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "identifiers_value_key" ON "identifiers"  ("kind", "scope", "value") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reported_parties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_4eddc441f9d0b0f50e26e625f3b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "reported_parties_case_idx" ON "reported_parties"  ("case_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sightings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "party_id" uuid, "identifier_id" uuid NOT NULL, "display" text NOT NULL, "source" text NOT NULL, "position" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bd31845d3086f8bfdfecd5037ca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "sightings_case_key" ON "sightings"  ("case_id", "identifier_id", "source") WHERE party_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "sightings_party_key" ON "sightings"  ("party_id", "identifier_id") WHERE party_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "sightings_case_idx" ON "sightings"  ("case_id", "position") `,
    );
    await queryRunner.query(
      `CREATE INDEX "sightings_identifier_idx" ON "sightings"  ("identifier_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner" text NOT NULL, "key" text NOT NULL, "fingerprint" bytea NOT NULL, "claim_token" uuid NOT NULL, "state" text NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8ad20779ad0411107a56e53d0f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idempotency_keys_owner_key" ON "idempotency_keys"  ("owner", "key") `,
    );
    await queryRunner.query(`DROP INDEX "public"."users_created_idx"`);
    await queryRunner.query(
      `ALTER TABLE "users" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(`DROP INDEX "public"."api_keys_created_idx"`);
    await queryRunner.query(
      `ALTER TABLE "api_keys" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "outbox" ALTER COLUMN "job_name" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "users_created_idx" ON "users"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "api_keys_created_idx" ON "api_keys"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_d44e79c162aefe6511de7f46e84" FOREIGN KEY ("seller_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_events" ADD CONSTRAINT "FK_259dbf949114e25670ac6cad205" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_events" ADD CONSTRAINT "FK_3c01d456849d19a814b7f723408" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_messages" ADD CONSTRAINT "FK_5b3b267efe4cfecbd9fa66a8449" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_messages" ADD CONSTRAINT "FK_cca1930efa4d2bd4bd29173234f" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reported_parties" ADD CONSTRAINT "FK_bf30966aa51128d8d16611c329e" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sightings" ADD CONSTRAINT "FK_73f0ee21294ddf5d916c228bfc0" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sightings" ADD CONSTRAINT "FK_ca516fdd9ee7be32518fd5acb9d" FOREIGN KEY ("party_id") REFERENCES "reported_parties"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sightings" ADD CONSTRAINT "FK_f17b0bd9e39c102a98962b8f484" FOREIGN KEY ("identifier_id") REFERENCES "identifiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sightings" DROP CONSTRAINT "FK_f17b0bd9e39c102a98962b8f484"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sightings" DROP CONSTRAINT "FK_ca516fdd9ee7be32518fd5acb9d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sightings" DROP CONSTRAINT "FK_73f0ee21294ddf5d916c228bfc0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "reported_parties" DROP CONSTRAINT "FK_bf30966aa51128d8d16611c329e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_messages" DROP CONSTRAINT "FK_cca1930efa4d2bd4bd29173234f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_messages" DROP CONSTRAINT "FK_5b3b267efe4cfecbd9fa66a8449"`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_events" DROP CONSTRAINT "FK_3c01d456849d19a814b7f723408"`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_events" DROP CONSTRAINT "FK_259dbf949114e25670ac6cad205"`,
    );
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_d44e79c162aefe6511de7f46e84"`);
    await queryRunner.query(`DROP INDEX "public"."api_keys_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."users_created_idx"`);
    // Events without a job cannot be kept once job_name is required again.
    await queryRunner.query(`DELETE FROM "outbox" WHERE "job_name" IS NULL`);
    await queryRunner.query(`ALTER TABLE "outbox" ALTER COLUMN "job_name" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "api_keys" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "api_keys_created_idx" ON "api_keys" USING btree ("created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "users_created_idx" ON "users" USING btree ("created_at", "id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."idempotency_keys_owner_key"`);
    await queryRunner.query(`DROP INDEX "public"."idempotency_keys_expires_idx"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "public"."sightings_identifier_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sightings_case_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sightings_party_key"`);
    await queryRunner.query(`DROP INDEX "public"."sightings_case_key"`);
    await queryRunner.query(`DROP TABLE "sightings"`);
    await queryRunner.query(`DROP INDEX "public"."reported_parties_case_idx"`);
    await queryRunner.query(`DROP TABLE "reported_parties"`);
    await queryRunner.query(`DROP INDEX "public"."identifiers_value_key"`);
    await queryRunner.query(`DROP TABLE "identifiers"`);
    await queryRunner.query(`DROP INDEX "public"."case_messages_case_idx"`);
    await queryRunner.query(`DROP TABLE "case_messages"`);
    await queryRunner.query(`DROP INDEX "public"."case_events_case_idx"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
    await queryRunner.query(`DROP INDEX "public"."cases_reference_key"`);
    await queryRunner.query(`DROP INDEX "public"."cases_seller_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_created_idx"`);
    await queryRunner.query(`DROP TABLE "cases"`);
  }
}
