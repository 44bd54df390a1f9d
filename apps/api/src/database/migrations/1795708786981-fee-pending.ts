import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FeePending1795708786981 implements MigrationInterface {
  name = 'FeePending1795708786981';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "disclosure_requests" ADD "fee_pending" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "disclosure_requests" DROP COLUMN "fee_pending"`);
  }
}
