import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestAttachments1795705298848 implements MigrationInterface {
  name = 'RequestAttachments1795705298848';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "request_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "direction" character varying(3) NOT NULL, "file_name" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character varying(64) NOT NULL, "content" bytea NOT NULL, "uploaded_by" character varying(64) NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7eff3ce4a007da531c94a391dbd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c617023eab553d75889f7382a3" ON "request_attachments"  ("request_id", "uploaded_at") `);
    await queryRunner.query(`ALTER TABLE "request_attachments" ADD CONSTRAINT "FK_8cde69b56c722cafc14d99f95f3" FOREIGN KEY ("request_id") REFERENCES "disclosure_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_attachments" DROP CONSTRAINT "FK_8cde69b56c722cafc14d99f95f3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c617023eab553d75889f7382a3"`);
    await queryRunner.query(`DROP TABLE "request_attachments"`);
  }
}
