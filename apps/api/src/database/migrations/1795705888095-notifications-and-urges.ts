import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsAndUrges1795705888095 implements MigrationInterface {
  name = 'NotificationsAndUrges1795705888095';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "title" character varying(200) NOT NULL, "body" character varying(1000) NOT NULL, "request_id" uuid, "receipt_no" character varying(32), "urge_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_fa03fdc7569e9b4119761cc71f" ON "notifications"  ("urge_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "request_urges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "message" character varying(500) NOT NULL, "target" character varying(10) NOT NULL, "urged_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d46122b9f29c0daa7518f1da98c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7bf3f7184522c90d587f61c544" ON "request_urges"  ("request_id", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_7bf3f7184522c90d587f61c544"`);
    await queryRunner.query(`DROP TABLE "request_urges"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_310667f935698fcd8cb319113a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fa03fdc7569e9b4119761cc71f"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
