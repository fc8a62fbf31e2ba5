import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case events get a gap-free sequence within their case and keep their global order as
 * `position`. Generated, then edited: the generator drops `seq` and adds `position` afresh,
 * which would renumber existing events; renaming keeps their order, and existing timelines are
 * numbered from it.
 */
export class CaseEventSequences1796558794518 implements MigrationInterface {
  name = 'CaseEventSequences1796558794518';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."case_events_case_idx"`);
    await queryRunner.query(`ALTER TABLE "case_events" RENAME COLUMN "seq" TO "position"`);
    await queryRunner.query(
      `ALTER SEQUENCE "case_events_seq_seq" RENAME TO "case_events_position_seq"`,
    );
    await queryRunner.query(`ALTER TABLE "case_events" ADD "case_seq" integer`);
    await queryRunner.query(
      `UPDATE "case_events" e SET "case_seq" = numbered.n
       FROM (SELECT id, row_number() OVER (PARTITION BY case_id ORDER BY position) AS n
             FROM "case_events") numbered
       WHERE numbered.id = e.id`,
    );
    await queryRunner.query(`ALTER TABLE "case_events" ALTER COLUMN "case_seq" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD "last_event_seq" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `UPDATE "cases" c SET "last_event_seq" = counted.n
       FROM (SELECT case_id, count(*) AS n FROM "case_events" GROUP BY case_id) counted
       WHERE counted.case_id = c.id`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "case_events_position_key" ON "case_events"  ("position") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "case_events_case_seq_key" ON "case_events"  ("case_id", "case_seq") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."case_events_case_seq_key"`);
    await queryRunner.query(`DROP INDEX "public"."case_events_position_key"`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP COLUMN "case_seq"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "last_event_seq"`);
    await queryRunner.query(
      `ALTER SEQUENCE "case_events_position_seq" RENAME TO "case_events_seq_seq"`,
    );
    await queryRunner.query(`ALTER TABLE "case_events" RENAME COLUMN "position" TO "seq"`);
    await queryRunner.query(
      `CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id", "seq") `,
    );
  }
}
