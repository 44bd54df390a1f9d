import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DisclosureRequests1795704659844 implements MigrationInterface {
  name = 'DisclosureRequests1795704659844';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_years" ("year" integer NOT NULL, "holidays" text array NOT NULL, "workdays" text array NOT NULL, "source" character varying(120) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1fed249d26e56ff06bb6dffd8d6" PRIMARY KEY ("year"))`);
    await queryRunner.query(`CREATE TABLE "disclosure_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "receipt_no" character varying(32) NOT NULL, "query_code_hash" character varying(64) NOT NULL, "status" character varying(24) NOT NULL, "channel" character varying(24) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_on" date NOT NULL, "unit_id" uuid NOT NULL, "handler_id" uuid, "applicant_type" character varying(32) NOT NULL, "applicant_name" character varying(100) NOT NULL, "applicant" jsonb NOT NULL, "title" character varying(200), "description" text NOT NULL, "form_medium" character varying(16) NOT NULL, "form_delivery" character varying(16) NOT NULL, "clock_events" jsonb NOT NULL, "due_date" date NOT NULL, "provisional" boolean NOT NULL DEFAULT false, "extension" character varying(12) NOT NULL DEFAULT 'none', "reply_type" character varying(32), "reason_code" character varying(40), "legal_basis" character varying(500), "reply_body" text, "reply_approved_by" character varying(60), "reply_approved_at" TIMESTAMP WITH TIME ZONE, "delivery_method" character varying(16), "concluded_on" date, "outcome" character varying(48), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_24cd446b4c1900aeaf8b53023f0" UNIQUE ("receipt_no"), CONSTRAINT "PK_a8412bf6660e929a561320b2c25" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0ff7da41b1a4dad8c7e7e22514" ON "disclosure_requests"  ("received_on") `);
    await queryRunner.query(`CREATE INDEX "IDX_377c714024bca2cd9a3ed2258a" ON "disclosure_requests"  ("handler_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_274d6c2ee0b5e51fef083fc41e" ON "disclosure_requests"  ("status", "due_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_ae867148e22303daa28001c026" ON "disclosure_requests"  ("unit_id", "status", "due_date") `);
    await queryRunner.query(`CREATE TABLE "receipt_counters" ("year" integer NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_3d0ee6240d2218cef3243d6884e" PRIMARY KEY ("year"))`);
    await queryRunner.query(`CREATE TABLE "request_events" ("id" BIGSERIAL NOT NULL, "request_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "event_date" date NOT NULL, "action" character varying(32) NOT NULL, "actor_id" uuid, "actor_name" character varying(64) NOT NULL, "from_status" character varying(24), "to_status" character varying(24) NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_bf9333ddb0c34f1533239fc9cb0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_65a2b783f619e82cfceb8407fd" ON "request_events"  ("request_id", "id") `);
    await queryRunner.query(`ALTER TABLE "disclosure_requests" ADD CONSTRAINT "FK_3f44180e8f48089364586ec6d9d" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "disclosure_requests" ADD CONSTRAINT "FK_377c714024bca2cd9a3ed2258a6" FOREIGN KEY ("handler_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_events" ADD CONSTRAINT "FK_e8b717bcc3e01fbd300f4e97e56" FOREIGN KEY ("request_id") REFERENCES "disclosure_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_events" DROP CONSTRAINT "FK_e8b717bcc3e01fbd300f4e97e56"`);
    await queryRunner.query(`ALTER TABLE "disclosure_requests" DROP CONSTRAINT "FK_377c714024bca2cd9a3ed2258a6"`);
    await queryRunner.query(`ALTER TABLE "disclosure_requests" DROP CONSTRAINT "FK_3f44180e8f48089364586ec6d9d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_65a2b783f619e82cfceb8407fd"`);
    await queryRunner.query(`DROP TABLE "request_events"`);
    await queryRunner.query(`DROP TABLE "receipt_counters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ae867148e22303daa28001c026"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_274d6c2ee0b5e51fef083fc41e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_377c714024bca2cd9a3ed2258a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0ff7da41b1a4dad8c7e7e22514"`);
    await queryRunner.query(`DROP TABLE "disclosure_requests"`);
    await queryRunner.query(`DROP TABLE "calendar_years"`);
  }
}
