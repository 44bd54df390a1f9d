import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool } from 'pg';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io across API processes: broadcasts go through PostgreSQL NOTIFY/LISTEN
 * (@socket.io/postgres-adapter), so a client connected to one process receives events raised
 * by another. Large payloads use the `socket_io_attachments` table (a migration creates it).
 */
export class PostgresIoAdapter extends IoAdapter {
  private readonly logger = new Logger(PostgresIoAdapter.name);
  private readonly pool: Pool;

  constructor(app: INestApplicationContext, databaseUrl: string) {
    super(app);
    this.pool = new Pool({ connectionString: databaseUrl, max: 2 });
    this.pool.on('error', (error) => this.logger.warn(`socket.io adapter pool: ${error.message}`));
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(createAdapter(this.pool, { errorHandler: (error) => this.logger.warn(`socket.io adapter: ${error.message}`) }));
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await this.pool.end().catch(() => undefined);
  }
}
