import type { DeadlineState } from '../disclosure/deadline';

/**
 * Reply timeliness of a group of requests (a unit, a handler, a channel, an applicant type):
 * on-time rate, working days to reply (mean, 90th percentile), open requests by deadline state,
 * and how often the clock was corrected, paused for consultation or extended.
 */
export interface TimelinessRecord {
  /** Replied (a reply sent); closed without a reply counts as concluded but not as replied. */
  replied: boolean;
  concluded: boolean;
  onTime: boolean | null;
  workingDaysToReply: number | null;
  state: DeadlineState;
  workingDaysOverdue: number;
  extension: boolean;
  correction: boolean;
  consultation: boolean;
  provisional: boolean;
}

export interface TimelinessStats {
  requests: number;
  replied: number;
  repliedOnTime: number;
  /** Share of replies sent on or before the due date in force (null with no replies). */
  onTimeRate: number | null;
  meanWorkingDays: number | null;
  p90WorkingDays: number | null;
  open: Record<'on_track' | 'due_soon' | 'overdue' | 'paused', number>;
  overdueWorkingDays: number;
  extensionRate: number | null;
  correctionRate: number | null;
  consultationRate: number | null;
  provisional: boolean;
}

/** The p-th percentile (0–100) by nearest rank; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

export function timelinessStats(records: readonly TimelinessRecord[]): TimelinessStats {
  const replied = records.filter((r) => r.replied);
  const onTime = replied.filter((r) => r.onTime === true).length;
  const days = replied.map((r) => r.workingDaysToReply).filter((d): d is number => d !== null);
  const open = { on_track: 0, due_soon: 0, overdue: 0, paused: 0 };
  let overdueWorkingDays = 0;
  for (const r of records) {
    if (r.concluded) continue;
    if (r.state !== 'stopped') open[r.state]++;
    if (r.state === 'overdue') overdueWorkingDays += r.workingDaysOverdue;
  }
  const rate = (n: number) => (records.length ? round(n / records.length) : null);
  return {
    requests: records.length,
    replied: replied.length,
    repliedOnTime: onTime,
    onTimeRate: replied.length ? round(onTime / replied.length) : null,
    meanWorkingDays: days.length ? round(days.reduce((a, b) => a + b, 0) / days.length, 1) : null,
    p90WorkingDays: percentile(days, 90),
    open,
    overdueWorkingDays,
    extensionRate: rate(records.filter((r) => r.extension).length),
    correctionRate: rate(records.filter((r) => r.correction).length),
    consultationRate: rate(records.filter((r) => r.consultation).length),
    provisional: records.some((r) => r.provisional),
  };
}
