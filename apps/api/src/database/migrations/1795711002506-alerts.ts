import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Alerts1795711002506 implements MigrationInterface {
  name = 'Alerts1795711002506';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "alert_events" ("id" BIGSERIAL NOT NULL, "alert_id" uuid NOT NULL, "event" character varying(40) NOT NULL, "payload" jsonb NOT NULL, "rooms" text array NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f8dd833a0534d3a01e8d01e3bca" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "alert_silences" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hotspot_id" uuid, "max_level" smallint, "reason" character varying(300) NOT NULL, "created_by" character varying(60) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0b3de53f7cdfac26d37720de79f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hotspot_id" uuid NOT NULL, "dedup_key" character varying(60) NOT NULL, "level" smallint NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'open', "rule" character varying(200), "title" character varying(500) NOT NULL, "count" integer NOT NULL DEFAULT '1', "silenced" boolean NOT NULL DEFAULT false, "generation" integer NOT NULL DEFAULT '0', "step" integer NOT NULL DEFAULT '0', "discovered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" character varying(60), "assigned_at" TIMESTAMP WITH TIME ZONE, "unit_id" uuid, "responded_at" TIMESTAMP WITH TIME ZONE, "response_text" character varying(2000), "response_url" character varying(2000), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by" character varying(60), "last_escalated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "alerts_raised" ON "alerts"  ("raised_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "alerts_open_hotspot" ON "alerts"  ("hotspot_id") WHERE "status" <> 'resolved'`);
    await queryRunner.query(`CREATE TABLE "escalation_policies" ("level" smallint NOT NULL, "steps" jsonb NOT NULL, "repeat" boolean NOT NULL DEFAULT false, "ack_timeout_seconds" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_214df57adc41a921049c6255a43" PRIMARY KEY ("level"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "escalation_policies"`);
    await queryRunner.query(`DROP INDEX "public"."alerts_open_hotspot"`);
    await queryRunner.query(`DROP INDEX "public"."alerts_raised"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
    await queryRunner.query(`DROP TABLE "alert_silences"`);
    await queryRunner.query(`DROP TABLE "alert_events"`);
  }
}
