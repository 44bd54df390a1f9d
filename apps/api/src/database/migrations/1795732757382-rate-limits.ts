import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimits1795732757382 implements MigrationInterface {
  name = 'RateLimits1795732757382';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rate_limits" ("key" character varying(200) NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8cb6aa4831e3e775ccf370521db" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE INDEX "rate_limits_window_ends" ON "rate_limits"  ("window_ends_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."rate_limits_window_ends"`);
    await queryRunner.query(`DROP TABLE "rate_limits"`);
  }
}
