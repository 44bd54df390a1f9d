import { z } from 'zod';
import type { AlertEscalatedPayload, AlertEventPayload, AlertStateChangedPayload, HotspotUpdatedPayload } from './alerts';

/**
 * The live channel (socket.io at /socket.io). The client sends its access token as
 * `auth.token` in the handshake; the server puts it in the rooms `user:<id>`, `role:<role>`
 * and `unit:<id>`. Event names and payloads are typed here for both ends.
 */
export const NOTIFICATION_KINDS = ['urge', 'due_soon', 'overdue'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  requestId: string | null;
  receiptNo: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface UrgeDto {
  id: string;
  requestId: string;
  message: string;
  target: 'handler' | 'unit';
  urgedBy: string;
  urgedAt: string;
  /** Each recipient and when they read it (read receipt). */
  recipients: { userId: string; displayName: string; readAt: string | null }[];
}

export const urgeSchema = z.object({
  message: z.string().trim().min(2, 'message is required').max(500),
  target: z.enum(['handler', 'unit']).default('handler'),
});
export type UrgeRequest = z.infer<typeof urgeSchema>;

export interface ServerToClientEvents {
  'notification.created': (n: NotificationDto) => void;
  'notification.read': (p: { id: string; readAt: string }) => void;
  'alert.raised': (p: AlertEventPayload) => void;
  'alert.escalated': (p: AlertEscalatedPayload) => void;
  'alert.acknowledged': (p: AlertStateChangedPayload) => void;
  'alert.assigned': (p: AlertStateChangedPayload) => void;
  'alert.resolved': (p: AlertStateChangedPayload) => void;
  'hotspot.updated': (p: HotspotUpdatedPayload) => void;
  /**
   * Sent once per connection, after any replay: the id to send as `auth.lastEventId` next time
   * when no alert event has arrived since (ids only grow; events the client may not see are skipped).
   */
  'events.cursor': (p: { eventId: string }) => void;
}

/** Alert events are kept and replayed: a client sends the last `eventId` it saw as `auth.lastEventId` when it (re)connects. */
export const REPLAYED_EVENTS = ['alert.raised', 'alert.escalated', 'alert.acknowledged', 'alert.assigned', 'alert.resolved'] as const;
export type ReplayedEvent = (typeof REPLAYED_EVENTS)[number];

export interface ClientToServerEvents {
  ping: (ack: (p: { userId: string; rooms: string[] }) => void) => void;
}

export const SOCKET_EVENTS = ['notification.created', 'notification.read', ...REPLAYED_EVENTS, 'hotspot.updated', 'events.cursor'] as const;
