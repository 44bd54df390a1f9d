import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HotspotKeepApart1795739591649 implements MigrationInterface {
  name = 'HotspotKeepApart1795739591649';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hotspots" ADD "keep_apart" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hotspots" DROP COLUMN "keep_apart"`);
  }
}
