import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns and their expressions as of this migration (disclosure/timeliness-sql.ts). */
const GENERATED: Record<string, string> = {
  replied: `coalesce(concluded_on IS NOT NULL AND outcome IN ('already_public', 'disclosed', 'partially_disclosed', 'not_disclosed', 'cannot_provide', 'not_this_agency', 'not_processed', 'special_regime'), false)`,
  replied_on_time: `coalesce(concluded_on IS NOT NULL AND outcome IN ('already_public', 'disclosed', 'partially_disclosed', 'not_disclosed', 'cannot_provide', 'not_this_agency', 'not_processed', 'special_regime') AND concluded_on <= due_date, false)`,
  corrected: `clock_events @> '[{"type": "correction_requested"}]'`,
  consulted: `clock_events @> '[{"type": "consultation_started"}]'`,
  received_month: `(extract(year FROM received_on) * 100 + extract(month FROM received_on))::int`,
};

/**
 * The timeliness figures that do not move with today as generated columns of
 * disclosure_requests (see disclosure/timeliness-sql.ts); an index by date of receipt of the
 * requests the dashboard computes live (open, or concluded with provisional figures); and one of
 * concluded requests by outcome and date (the annual report's drill-down). TypeORM keeps the
 * expression of a generated column in its typeorm_metadata table (it compares the entities with
 * it): created here, its rows name the database they are in. Adding the columns rewrites the
 * table once (about 4 s at 100,000 requests).
 */
export class TimelinessFigures1795724025623 implements MigrationInterface {
  name = 'TimelinessFigures1795724025623';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" character varying NOT NULL, "database" character varying, "schema" character varying, "table" character varying, "name" character varying, "value" text)`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_requests" ${Object.entries(GENERATED)
        .map(([name, expression]) => `ADD "${name}" ${name === 'received_month' ? 'integer' : 'boolean'} GENERATED ALWAYS AS (${expression}) STORED NOT NULL`)
        .join(', ')}`,
    );
    for (const [name, expression] of Object.entries(GENERATED)) {
      await queryRunner.query(
        `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), 'disclosure_requests', 'GENERATED_COLUMN', $1, $2)`,
        [name, expression],
      );
    }
    await queryRunner.query(`CREATE INDEX "requests_live_received" ON "disclosure_requests" ("received_on") WHERE "concluded_on" IS NULL OR "provisional"`);
    await queryRunner.query(`CREATE INDEX "requests_concluded_outcome" ON "disclosure_requests" ("outcome", "concluded_on") WHERE "concluded_on" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."requests_concluded_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."requests_live_received"`);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'disclosure_requests' AND "name" = ANY($1)`, [Object.keys(GENERATED)]);
    const others: unknown[] = await queryRunner.query(`SELECT 1 FROM "typeorm_metadata" LIMIT 1`);
    if (!others.length) await queryRunner.query(`DROP TABLE "typeorm_metadata"`);
    await queryRunner.query(`ALTER TABLE "disclosure_requests" ${Object.keys(GENERATED)
      .map((c) => `DROP COLUMN "${c}"`)
      .join(', ')}`);
  }
}
