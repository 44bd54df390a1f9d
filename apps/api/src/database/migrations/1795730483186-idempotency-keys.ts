import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1795730483186 implements MigrationInterface {
  name = 'IdempotencyKeys1795730483186';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "idempotency_keys" ("caller" character varying(80) NOT NULL, "key" character varying(100) NOT NULL, "method" character varying(10) NOT NULL, "path" character varying(500) NOT NULL, "body_hash" bytea NOT NULL, "status" smallint, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a661c9488678a6eb48ebb65eb63" PRIMARY KEY ("caller", "key"))`);
    await queryRunner.query(`CREATE INDEX "idempotency_keys_created" ON "idempotency_keys"  ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idempotency_keys_created"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
