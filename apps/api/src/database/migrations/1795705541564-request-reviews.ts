import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestReviews1795705541564 implements MigrationInterface {
  name = 'RequestReviews1795705541564';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "request_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "filed_on" date NOT NULL, "decided_on" date, "outcome" character varying(12), "note" character varying(1000), "created_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3dbf1257f4980c9d4ce3c7eab1b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0a7fdedeed392f9c22c3707755" ON "request_reviews"  ("request_id") `);
    await queryRunner.query(`ALTER TABLE "request_reviews" ADD CONSTRAINT "FK_0a7fdedeed392f9c22c37077554" FOREIGN KEY ("request_id") REFERENCES "disclosure_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_reviews" DROP CONSTRAINT "FK_0a7fdedeed392f9c22c37077554"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0a7fdedeed392f9c22c3707755"`);
    await queryRunner.query(`DROP TABLE "request_reviews"`);
  }
}
