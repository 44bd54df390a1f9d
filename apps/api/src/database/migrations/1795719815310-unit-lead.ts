import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UnitLead1795719815310 implements MigrationInterface {
  name = 'UnitLead1795719815310';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "units" ADD "lead_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "units" ADD CONSTRAINT "FK_6e8d2a39f29006c15ee5667027e" FOREIGN KEY ("lead_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "FK_6e8d2a39f29006c15ee5667027e"`);
    await queryRunner.query(`ALTER TABLE "units" DROP COLUMN "lead_user_id"`);
  }
}
