import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PortalSubmissions1795705145387 implements MigrationInterface {
  name = 'PortalSubmissions1795705145387';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "portal_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "receipt_no" character varying(32) NOT NULL, "query_code_hash" character varying(64) NOT NULL, "unit_id" uuid NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'pending', "applicant" jsonb NOT NULL, "title" character varying(200), "description" text NOT NULL, "form_medium" character varying(16) NOT NULL, "form_delivery" character varying(16) NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitter_ip" character varying(64), "request_id" uuid, "decided_by" character varying(64), "decided_at" TIMESTAMP WITH TIME ZONE, "reject_reason" character varying(500), CONSTRAINT "UQ_50822081912eb793d5e9ac93364" UNIQUE ("receipt_no"), CONSTRAINT "PK_8bc14cc429bbb28a5c49e4999fd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7339130d8bd3011f15dee52956" ON "portal_submissions"  ("unit_id", "status") `);
    await queryRunner.query(`ALTER TABLE "portal_submissions" ADD CONSTRAINT "FK_1cff2a40f5fe402781f49a312c3" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "portal_submissions" DROP CONSTRAINT "FK_1cff2a40f5fe402781f49a312c3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7339130d8bd3011f15dee52956"`);
    await queryRunner.query(`DROP TABLE "portal_submissions"`);
  }
}
