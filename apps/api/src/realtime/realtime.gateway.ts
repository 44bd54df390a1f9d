import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@govdesk/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthGuard } from '../auth/auth.guard';
import type { CurrentUserInfo } from '../auth/current-user.decorator';

export type GovDeskServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: CurrentUserInfo }>;
type GovDeskSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: CurrentUserInfo }>;

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
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      this.auth
        .authenticate(typeof token === 'string' ? `Bearer ${token}` : undefined)
        .then((user) => {
          socket.data.user = user;
          next();
        })
        .catch((error: Error) => next(Object.assign(new Error((error as { code?: string }).code ?? 'AUTH_REQUIRED'), { data: { code: (error as { code?: string }).code ?? 'AUTH_REQUIRED' } })));
    });
  }

  async handleConnection(client: GovDeskSocket): Promise<void> {
    const user = client.data.user;
    if (!user) {
      client.disconnect(true);
      return;
    }
    const rooms = roomsOf(user);
    await client.join(rooms);
    this.logger.debug(`socket ${client.id} joined as ${user.username}`);
    await this.replay(client, rooms);
  }

  /**
   * What a reconnecting client missed: alert events after the `auth.lastEventId` it sends,
   * for its rooms, from the last 24 hours (at most 1,000), in order.
   */
  private async replay(client: GovDeskSocket, rooms: string[]): Promise<void> {
    const last = (client.handshake.auth as { lastEventId?: unknown } | undefined)?.lastEventId;
    if (typeof last !== 'string' && typeof last !== 'number') return;
    if (!/^\d{1,18}$/.test(String(last))) return;
    const events: { event: string; payload: object }[] = await this.dataSource.query(
      `SELECT event, payload FROM alert_events WHERE id > $1 AND rooms && $2::text[] AND at > now() - interval '24 hours' ORDER BY id LIMIT 1000`,
      [String(last), rooms],
    );
    for (const e of events) client.emit(e.event as 'alert.raised', e.payload as never);
  }

  /** A round trip for clients and benchmarks: who am I and which rooms am I in. */
  @SubscribeMessage('ping')
  ping(client: GovDeskSocket): { userId: string; rooms: string[] } {
    return { userId: client.data.user.id, rooms: [...client.rooms].filter((r) => r !== client.id) };
  }
}
