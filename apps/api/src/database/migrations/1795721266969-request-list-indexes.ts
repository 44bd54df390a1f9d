import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestListIndexes1795721266969 implements MigrationInterface {
  name = 'RequestListIndexes1795721266969';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "requests_handler_received_page" ON "disclosure_requests"  ("handler_id", "received_at", "id") `);
    await queryRunner.query(`CREATE INDEX "requests_unit_due_page" ON "disclosure_requests"  ("unit_id", "due_date", "id") `);
    await queryRunner.query(`CREATE INDEX "requests_open_due_page" ON "disclosure_requests"  ("due_date", "id") WHERE "status" IN ('registered', 'reviewing', 'awaiting_correction', 'handling', 'consulting', 'reply_drafted')`);
    await queryRunner.query(`CREATE INDEX "requests_updated_page" ON "disclosure_requests"  ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "requests_received_page" ON "disclosure_requests"  ("received_at", "id") `);
    await queryRunner.query(`CREATE INDEX "requests_due_page" ON "disclosure_requests"  ("due_date", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."requests_due_page"`);
    await queryRunner.query(`DROP INDEX "public"."requests_received_page"`);
    await queryRunner.query(`DROP INDEX "public"."requests_updated_page"`);
    await queryRunner.query(`DROP INDEX "public"."requests_open_due_page"`);
    await queryRunner.query(`DROP INDEX "public"."requests_unit_due_page"`);
    await queryRunner.query(`DROP INDEX "public"."requests_handler_received_page"`);
  }
}
