import { Injectable } from '@nestjs/common';
import type { ServerToClientEvents } from '@govdesk/contracts';
import { RealtimeGateway } from './realtime.gateway';

/** Publishes typed events to rooms; call it after the transaction that caused them commits. */
@Injectable()
export class RealtimeService {
  constructor(private readonly gateway: RealtimeGateway) {}

  /** To everyone in any of the rooms (each socket once). */
  toRooms<E extends keyof ServerToClientEvents>(rooms: string[], event: E, ...payload: Parameters<ServerToClientEvents[E]>): void {
    if (rooms.length) this.gateway.server?.to(rooms).emit(event, ...payload);
  }

  /**
   * Many payloads of one event to the rooms: emitted here one by one, and carried to the other
   * API processes as one message (one NOTIFY through PostgreSQL instead of one per payload).
   */
  toRoomsEach<E extends keyof ServerToClientEvents>(rooms: string[], event: E, payloads: Parameters<ServerToClientEvents[E]>[0][]): void {
    const server = this.gateway.server;
    if (!server || !rooms.length || !payloads.length) return;
    this.gateway.emitLocally({ rooms, event, payloads });
    server.serverSideEmit('govdesk.batch', { rooms, event, payloads });
  }

  toUser<E extends keyof ServerToClientEvents>(userId: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void {
    this.gateway.server?.to(`user:${userId}`).emit(event, ...payload);
  }
}
