import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MentionMergedFrom1795741044416 implements MigrationInterface {
  name = 'MentionMergedFrom1795741044416';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mentions" ADD "merged_from" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mentions" DROP COLUMN "merged_from"`);
  }
}
