import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The table @socket.io/postgres-adapter uses for payloads too large for NOTIFY. */
export class SocketIoAttachments1795706500000 implements MigrationInterface {
  name = 'SocketIoAttachments1795706500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT now(), payload bytea)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS socket_io_attachments`);
  }
}
