import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool, type PoolClient } from 'pg';
import type { Server, ServerOptions } from 'socket.io';

/** Time for the adapter to LISTEN on its new connection before clients are sent to reconnect. */
const RECONNECT_CLIENTS_AFTER_MS = 500;

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
    server.adapter(createAdapter(this.listenPool(server), { errorHandler: (error) => this.logger.warn(`socket.io adapter: ${error.message}`) }));
    return server;
  }

  /**
   * The pool as the adapter sees it. The adapter checks one client out for LISTEN and keeps it;
   * when the database goes away (a restart, a failover) that client (1) emits `error` with no
   * listener, which would end the process, and (2) is never released, so the pool (max 2) fills
   * with dead clients and every later publish — and with it the local delivery that waits for
   * it — hangs. Here its error is logged and, when it ends, it is released as broken (the pool
   * drops it); the adapter then reconnects and LISTENs again on a fresh client.
   */
  private listenPool(server: Server): Pool {
    const pool = this.pool;
    let listens = 0;
    const connect = async (): Promise<PoolClient> => {
      const client = await pool.connect();
      // LISTEN again after the connection was lost: whatever other processes published meanwhile
      // never reached this process's clients. Their connections are closed (not the sockets
      // ended), so they reconnect by themselves and the handshake replays what they missed.
      if (listens++ > 0) {
        const since = Date.now();
        setTimeout(() => this.reconnectLocalClients(server, since), RECONNECT_CLIENTS_AFTER_MS);
      }
      client.on('error', (error: Error) => this.logger.warn(`socket.io adapter LISTEN connection: ${error.message}`));
      client.once('end', () => {
        try {
          client.release(new Error('LISTEN connection ended'));
        } catch {
          // already released (the adapter closed it)
        }
      });
      return client;
    };
    return new Proxy(pool, {
      get: (target, key) => {
        if (key === 'connect') return connect;
        const value = Reflect.get(target, key, target) as unknown;
        // The pool's own methods run on the pool itself (pool.query calls its own connect).
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** Closes the connections of the clients that connected before `since` (the others missed nothing). */
  private reconnectLocalClients(server: Server, since: number): void {
    const sockets = [...server.of('/').sockets.values()].filter((s) => s.handshake.issued < since);
    if (sockets.length) this.logger.warn(`socket.io adapter listening again: ${sockets.length} client(s) reconnect to catch up`);
    for (const socket of sockets) socket.conn.close();
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await this.pool.end().catch(() => undefined);
  }
}
