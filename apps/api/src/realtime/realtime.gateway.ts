import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@govdesk/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthGuard } from '../auth/auth.guard';
import type { CurrentUserInfo } from '../auth/current-user.decorator';

/** Many payloads of one event for the same rooms, sent to the other processes as one message. */
export interface EventBatch {
  rooms: string[];
  event: keyof ServerToClientEvents;
  payloads: unknown[];
}
interface InterServerEvents {
  'govdesk.batch': (batch: EventBatch) => void;
}
export type GovDeskServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, { user: CurrentUserInfo }>;
type GovDeskSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, { user: CurrentUserInfo }>;

export const roomsOf = (user: CurrentUserInfo): string[] => [
  `user:${user.id}`,
  ...user.roles.map((r) => `role:${r}`),
  ...(user.unitId ? [`unit:${user.unitId}`] : []),
];

/**
 * The one socket.io gateway. A client proves who it is in the handshake (`auth.token`, the
 * same access token as the API); without a valid token the connection is refused. Code
 * elsewhere never touches sockets: it publishes through RealtimeService.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(RealtimeGateway.name);

  @WebSocketServer()
  server: GovDeskServer;

  constructor(
    private readonly auth: AuthGuard,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  afterInit(server: GovDeskServer): void {
    // A batch another process published: each payload to this process's sockets in the rooms.
    server.on('govdesk.batch', (batch) => this.emitLocally(batch));
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      this.auth
        .authenticate(typeof token === 'string' ? `Bearer ${token}` : undefined)
        .then((user) => {
          socket.data.user = user;
          next();
        })
        .catch((error: Error) => {
          const code = (error as { code?: string }).code;
          if (code?.startsWith('AUTH_')) {
            next(Object.assign(new Error(code), { data: { code } }));
            return;
          }
          // Not an answer about the token (the database is restarting, say): a refusal here would
          // stop the client for good (socket.io does not retry after a middleware error), so the
          // connection is dropped instead and the client tries again by itself.
          this.logger.warn(`socket handshake failed (${error.message}); connection dropped for the client to retry`);
          socket.conn.close();
        });
    });
  }

  /** Each payload of the batch to this process's sockets in its rooms (each socket once per payload). */
  emitLocally(batch: EventBatch): void {
    const to = this.server.local.to(batch.rooms);
    for (const payload of batch.payloads) to.emit(batch.event, payload as never);
  }

  async handleConnection(client: GovDeskSocket): Promise<void> {
    const user = client.data.user;
    if (!user) {
      client.disconnect(true);
      return;
    }
    const rooms = roomsOf(user);
    // Rooms first, so that nothing published from now on is missed (notifications are not kept);
    // then the alert events after the client's lastEventId (an event committed while it joined
    // can come both live and replayed: clients drop ids they have seen); then the cursor to send
    // next time, for a client that has seen no alert event yet.
    await client.join(rooms);
    const last = (client.handshake.auth as { lastEventId?: unknown } | undefined)?.lastEventId;
    const claimed = (typeof last === 'string' || typeof last === 'number') && /^\d{1,18}$/.test(String(last)) ? String(last) : null;
    try {
      const cursor = claimed ? await this.replay(client, rooms, claimed) : await this.latestEventId();
      client.emit('events.cursor', { eventId: cursor });
    } catch (error) {
      // The database failed mid-handshake (e.g. it is restarting). Nest does not await this
      // handler, so a rejection here would end the process. Close the transport instead: the
      // client reconnects by itself (with its lastEventId) and is replayed then.
      this.logger.warn(`socket ${client.id}: handshake failed (${(error as Error).message}); connection closed`);
      client.conn.close();
      return;
    }
    this.logger.debug(`socket ${client.id} joined as ${user.username}`);
  }

  private async latestEventId(): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM alert_events`)) as { id: string }[];
    return row!.id;
  }

  /**
   * Alert events after `after` for the client's rooms, from the last 24 hours (at most 1,000),
   * in order; answers the id of the last one sent (or `after`).
   */
  private async replay(client: GovDeskSocket, rooms: string[], after: string): Promise<string> {
    const events: { id: string; event: string; payload: object }[] = await this.dataSource.query(
      `SELECT id::text AS id, event, payload FROM alert_events WHERE id > $1 AND rooms && $2::text[] AND at > now() - interval '24 hours' ORDER BY id LIMIT 1000`,
      [after, rooms],
    );
    for (const e of events) client.emit(e.event as 'alert.raised', e.payload as never);
    return events.at(-1)?.id ?? after;
  }

  /** A round trip for clients and benchmarks: who am I and which rooms am I in. */
  @SubscribeMessage('ping')
  ping(client: GovDeskSocket): { userId: string; rooms: string[] } {
    return { userId: client.data.user.id, rooms: [...client.rooms].filter((r) => r !== client.id) };
  }
}
