import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HotspotMergedInto1795739289376 implements MigrationInterface {
  name = 'HotspotMergedInto1795739289376';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "hotspots_merged_into" ON "hotspots"  ("merged_into") WHERE "merged_into" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."hotspots_merged_into"`);
  }
}
