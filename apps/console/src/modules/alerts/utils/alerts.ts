import type { AlertDto, AlertStateChangedPayload, ResponseClockDto } from '@govdesk/contracts';
import type { Role } from '@govdesk/domain';

/** Who watches the board and hears alerts (banner, sound, desktop notification). */
export const ALERT_BOARD_ROLES: readonly Role[] = ['monitor', 'supervisor', 'admin'];

/** Most serious (level 1) first, then newest first: the order the API lists them in. */
export function compareAlerts(a: AlertDto, b: AlertDto): number {
  return a.level - b.level || b.raisedAt.localeCompare(a.raisedAt);
}

/** The active list with one alert replaced by the API's answer; resolved or silenced ones leave it. */
export function upsertAlert(list: AlertDto[], alert: AlertDto): AlertDto[] {
  const rest = list.filter((a) => a.id !== alert.id);
  return alert.status === 'resolved' || alert.silenced ? rest : [...rest, alert].sort(compareAlerts);
}

/** What a state event tells before the list is refetched (the unit's name and the clocks come with it). */
export function patchAlert(list: AlertDto[], p: AlertStateChangedPayload): AlertDto[] {
  if (p.status === 'resolved') return list.filter((a) => a.id !== p.alertId);
  return list.map((a) =>
    a.id === p.alertId
      ? { ...a, status: p.status, acknowledgedBy: a.acknowledgedBy ?? p.by, acknowledgedAt: a.acknowledgedAt ?? p.at, unitId: p.unitId ?? a.unitId }
      : a,
  );
}

/** Escalated: past its first step, or escalated again after an acknowledgement timed out. */
export const isEscalated = (a: AlertDto): boolean => a.step > 1 || a.lastEscalatedAt !== null;

/**
 * A clock's state at `now`: the server's state, except that a running or warning clock whose
 * due time has passed while the page was open is overdue (the warning share is the server's).
 */
export function liveClockState(clock: ResponseClockDto, now: number): ResponseClockDto['state'] {
  if (clock.state === 'met' || clock.state === 'late' || clock.metAt) return clock.state;
  return now > Date.parse(clock.dueAt) ? 'overdue' : clock.state;
}

export const isLate = (a: AlertDto, now: number): boolean => a.clocks.some((c) => ['overdue', 'late'].includes(liveClockState(c, now)));

/** Milliseconds as H:MM:SS (hours past 24 stay hours: 47:59:59). */
export function clockTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Event ids are bigint counters sent as text: compare them as numbers. */
export function isLaterEventId(id: string, than: string | null | undefined): boolean {
  if (!than) return true;
  return id.length !== than.length ? id.length > than.length : id > than;
}
