import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpinionPipeline1795710639821 implements MigrationInterface {
  name = 'OpinionPipeline1795710639821';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Orders hotspot changes so each API process can bring its clustering index up to date (not an entity column default).
    await queryRunner.query(`CREATE SEQUENCE "hotspot_index_seq"`);
    await queryRunner.query(`CREATE TABLE "hotspot_authors" ("hotspot_id" uuid NOT NULL, "author" character varying(200) NOT NULL, CONSTRAINT "PK_f26a4cae642bee192093a6dcc41" PRIMARY KEY ("hotspot_id", "author"))`);
    await queryRunner.query(`CREATE TABLE "hotspot_requests" ("hotspot_id" uuid NOT NULL, "request_id" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c039e7bc94bb6cc6365e9c814f3" PRIMARY KEY ("hotspot_id", "request_id"))`);
    await queryRunner.query(`CREATE TABLE "hotspots" ("id" uuid NOT NULL, "title" character varying(500) NOT NULL, "title_score" real NOT NULL DEFAULT '0', "status" character varying(10) NOT NULL DEFAULT 'open', "merged_into" uuid, "level" smallint, "level_reason" character varying(200), "level_manual" boolean NOT NULL DEFAULT false, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "mention_count" integer NOT NULL DEFAULT '0', "duplicate_count" integer NOT NULL DEFAULT '0', "author_count" integer NOT NULL DEFAULT '0', "negative_count" integer NOT NULL DEFAULT '0', "reach" bigint NOT NULL DEFAULT '0', "heat" real NOT NULL DEFAULT '0', "fast_rate" real NOT NULL DEFAULT '0', "slow_rate" real NOT NULL DEFAULT '0', "heat_at" TIMESTAMP WITH TIME ZONE NOT NULL, "growth" real NOT NULL DEFAULT '0', "category" character varying(40), "category_counts" jsonb NOT NULL DEFAULT '{}', "terms" jsonb NOT NULL DEFAULT '{}', "simhashes" bigint array NOT NULL DEFAULT '{}', "places" jsonb NOT NULL DEFAULT '{}', "flags" text array NOT NULL DEFAULT '{}', "channels" jsonb NOT NULL DEFAULT '{}', "unit_id" uuid, "index_seq" bigint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_38da794bf4baf98298c651c5ee3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "hotspots_index_seq" ON "hotspots"  ("index_seq") `);
    await queryRunner.query(`CREATE INDEX "hotspots_last_seen" ON "hotspots"  ("last_seen_at") `);
    await queryRunner.query(`CREATE INDEX "hotspots_status_heat" ON "hotspots"  ("status", "heat") `);
    await queryRunner.query(`CREATE TABLE "mentions" ("id" BIGSERIAL NOT NULL, "channel" character varying(30) NOT NULL, "external_id" character varying(200), "title" character varying(500), "content" text NOT NULL, "author" character varying(200), "url" character varying(2000), "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reach" jsonb NOT NULL DEFAULT '{}', "place" character varying(200), "source_id" uuid, "content_hash" bytea NOT NULL, "simhash" bigint NOT NULL, "sentiment_score" real NOT NULL, "category" character varying(40), "keywords" jsonb NOT NULL DEFAULT '[]', "places" text array NOT NULL DEFAULT '{}', "flags" text array NOT NULL DEFAULT '{}', "hotspot_id" uuid, "duplicate_count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_2c728c4685beaa7be19e11eae42" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentions_content_hash" ON "mentions"  ("content_hash") `);
    await queryRunner.query(`CREATE INDEX "mentions_published" ON "mentions"  ("published_at") `);
    await queryRunner.query(`CREATE INDEX "mentions_hotspot_published" ON "mentions"  ("hotspot_id", "published_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentions_channel_external_id" ON "mentions"  ("channel", "external_id") WHERE "external_id" IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "opinion_sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "kind" character varying(10) NOT NULL, "channel" character varying(30) NOT NULL, "feed_url" character varying(2000), "poll_minutes" integer NOT NULL DEFAULT '10', "enabled" boolean NOT NULL DEFAULT true, "key_hash" bytea, "key_prefix" character varying(16), "last_polled_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4e95d77787817b305232585f94d" UNIQUE ("key_hash"), CONSTRAINT "PK_ee2bc4c10d68ddcf6774872c8eb" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "opinion_sources"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_channel_external_id"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_hotspot_published"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_published"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_content_hash"`);
    await queryRunner.query(`DROP TABLE "mentions"`);
    await queryRunner.query(`DROP INDEX "public"."hotspots_status_heat"`);
    await queryRunner.query(`DROP INDEX "public"."hotspots_last_seen"`);
    await queryRunner.query(`DROP INDEX "public"."hotspots_index_seq"`);
    await queryRunner.query(`DROP TABLE "hotspots"`);
    await queryRunner.query(`DROP TABLE "hotspot_requests"`);
    await queryRunner.query(`DROP TABLE "hotspot_authors"`);
    await queryRunner.query(`DROP SEQUENCE "hotspot_index_seq"`);
  }
}
