import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, MentionInput, ServerToClientEvents } from '@govdesk/contracts';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** 30 negative mentions of one matter from 30 people within ten minutes (default rules: at least level III). */
export function burst(tag: string, place: string, thing: string, startMinute: number): MentionInput[] {
  const base = Date.UTC(2026, 10, 26, 2, 0) + startMinute * 60_000;
  return Array.from({ length: 30 }, (_, i) => ({
    channel: i % 3 === 0 ? 'hotline_12345' : 'weibo',
    externalId: `${tag}-${i}`,
    title: `${place}${thing}问题没人管`,
    content: `${place}${thing}，太气人了，已经反映好多次了，一直没人管，群众非常不满！${['投诉', '强烈要求处理', '怎么没人管'][i % 3]}（${tag}${i}）`,
    author: `${tag}-user-${i}`,
    publishedAt: new Date(base + i * 15_000).toISOString(),
  }));
}

/** A real socket.io client, connected (token in `auth.token`, optionally the last event seen). */
export function connect(url: string, token: string, lastEventId?: string): Promise<Client> {
  const client: Client = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token, ...(lastEventId ? { lastEventId } : {}) }, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => (client.once('connect', () => resolve(client)), client.once('connect_error', reject)));
}

/** The next `event` on `client` that matches, or a rejection after `timeoutMs`. */
export function next<E extends keyof ServerToClientEvents>(client: Client, event: E, match: (p: Parameters<ServerToClientEvents[E]>[0]) => boolean, timeoutMs = 10_000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const handler = (p: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!match(p)) return;
      clearTimeout(timer);
      client.off(event, handler as never);
      resolve(p);
    };
    client.on(event, handler as never);
  });
}

/**
 * A client that behaves like the console: it reconnects by itself and sends the last alert event
 * id it saw (or the server's `events.cursor`) in each handshake, so the server replays what it missed.
 */
export function connectResuming(url: string, token: string): Promise<Client> {
  let last: string | null = null;
  const remember = (p: { eventId: string }) => {
    if (last === null || BigInt(p.eventId) > BigInt(last)) last = p.eventId;
  };
  const client: Client = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    auth: (cb) => cb(last ? { token, lastEventId: last } : { token }),
  });
  client.on('events.cursor', remember);
  for (const event of ['alert.raised', 'alert.escalated', 'alert.acknowledged', 'alert.assigned', 'alert.resolved'] as const) client.on(event, remember);
  return new Promise((resolve, reject) => (client.once('connect', () => resolve(client)), client.once('connect_error', reject)));
}
