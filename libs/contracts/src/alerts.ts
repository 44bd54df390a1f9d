import { z } from 'zod';
import { ROLES, type HotspotLevel } from '@govdesk/domain';

export const ALERT_STATUSES = ['open', 'acknowledged', 'assigned', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The payload of `alert.raised` (and, with `step`, of `alert.escalated`). `eventId` orders events for replay. */
export interface AlertEventPayload {
  eventId: string;
  alertId: string;
  hotspotId: string;
  level: HotspotLevel;
  title: string;
  raisedAt: string;
  /** Matches counted on this alert so far. */
  count: number;
  rule: string | null;
}

export interface AlertEscalatedPayload extends AlertEventPayload {
  /** 1-based escalation step that fired, or 0 for an acknowledgement that timed out / a response limit that passed. */
  step: number;
  reason: 'step' | 'ack_timeout' | 'response_limit' | 'response_warning';
  /** For response limits: which limit (authoritative_info, press_conference, response). */
  limit?: string;
}

export interface AlertStateChangedPayload {
  eventId: string;
  alertId: string;
  hotspotId: string;
  level: HotspotLevel;
  status: AlertStatus;
  by: string | null;
  at: string;
  unitId?: string | null;
}

export interface HotspotUpdatedPayload {
  id: string;
  title: string;
  level: HotspotLevel | null;
  heat: number;
  growth: number;
  mentionCount: number;
  authorCount: number;
  negativeShare: number;
  lastSeenAt: string;
  status: string;
}

export interface ResponseClockDto {
  code: string;
  zh: string;
  en: string;
  dueAt: string;
  /** When the clock stopped (the response was recorded), else null. */
  metAt: string | null;
  state: 'running' | 'warning' | 'overdue' | 'met' | 'late';
}

export interface AlertDto {
  id: string;
  hotspotId: string;
  hotspotTitle: string;
  level: HotspotLevel;
  status: AlertStatus;
  rule: string | null;
  count: number;
  step: number;
  silenced: boolean;
  raisedAt: string;
  discoveredAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  assignedAt: string | null;
  unitId: string | null;
  unitName: string | null;
  respondedAt: string | null;
  responseText: string | null;
  responseUrl: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  lastEscalatedAt: string | null;
  clocks: ResponseClockDto[];
}

const targetsSchema = z
  .object({
    roles: z.array(z.enum(ROLES)).default([]),
    unitIds: z.array(z.uuid()).default([]),
    userIds: z.array(z.uuid()).default([]),
  })
  .refine((n) => n.roles.length + n.unitIds.length + n.userIds.length > 0, 'notify: at least one role, unit or user');

export const escalationPolicySchema = z.object({
  steps: z
    .array(z.object({ waitSeconds: z.number().int().min(0).max(7 * 86400), notify: targetsSchema }))
    .min(1, 'at least one step')
    .max(10),
  repeat: z.boolean().default(false),
  ackTimeoutSeconds: z.number().int().min(1).max(30 * 86400),
});
export type EscalationPolicyRequest = z.infer<typeof escalationPolicySchema>;

export interface EscalationPolicyDto extends EscalationPolicyRequest {
  level: HotspotLevel;
  updatedAt: string | null;
}

export const alertAssignSchema = z.object({ unitId: z.uuid() });
export const alertRespondSchema = z
  .object({
    text: z.string().trim().max(2000).optional(),
    url: z
      .string()
      .trim()
      .max(2000)
      .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'url: an http(s) address')
      .optional(),
  })
  .refine((r) => !!r.text || !!r.url, 'give the response text or its link');
export const alertResolveSchema = z.object({ note: z.string().trim().max(500).optional() });

export const silenceSchema = z
  .object({
    hotspotId: z.uuid().optional(),
    maxLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
    minutes: z.number().int().min(1).max(7 * 24 * 60),
    reason: z.string().trim().min(2, 'reason is required').max(300),
  })
  .refine((s) => s.hotspotId || s.maxLevel, 'silence one hotspot or the levels up to maxLevel');
export type SilenceRequest = z.infer<typeof silenceSchema>;

export interface SilenceDto {
  id: string;
  hotspotId: string | null;
  /** Silences alerts of this level and less serious ones (4 = IV only). */
  maxLevel: HotspotLevel | null;
  reason: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

export interface ResponseStatsRow {
  month: string;
  unitId: string | null;
  unitName: string | null;
  alerts: number;
  acknowledged: number;
  responded: number;
  respondedLate: number;
  medianMinutesToAck: number | null;
  medianMinutesToRespond: number | null;
}
