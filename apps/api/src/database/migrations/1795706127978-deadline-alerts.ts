import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlineAlerts1795706127978 implements MigrationInterface {
  name = 'DeadlineAlerts1795706127978';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "deadline_alerts" ("id" BIGSERIAL NOT NULL, "request_id" uuid NOT NULL, "threshold" character varying(12) NOT NULL, "due_date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_bc6e29a96745195c155276555f4" UNIQUE ("request_id", "threshold", "due_date"), CONSTRAINT "PK_5d678252f62876992ed254ebc1d" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "deadline_alerts"`);
  }
}
