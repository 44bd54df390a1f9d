import type { IsoDate } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { ClockEvent } from '../disclosure/clock-events';
import { computeDeadline, type DeadlineState } from '../disclosure/deadline';
import { REPLY_TYPES } from '../disclosure/disclosure-codes';

/**
 * Reply timeliness of a group of requests (a unit, a handler, a channel, an applicant type):
 * on-time rate, working days to reply (mean, 90th percentile), open requests by deadline state,
 * and how often the clock was corrected, paused for consultation or extended.
 *
 * Every count is defined once, by a filter on a request's record (`matchesTimelinessFilter`):
 * the dashboard counts with it and the request list (GET /api/requests) filters with it, so
 * the number in a cell and the requests it opens are the same by construction.
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

/** The stored facts of a request that its timeliness is computed from. */
export interface TimelinessInput {
  receivedOn: IsoDate;
  concludedOn: IsoDate | null;
  /** A reply type, `withdrawn` or `abandoned:<reason>`; null while open. */
  outcome: string | null;
  extension: 'none' | 'requested' | 'approved';
  clockEvents: readonly ClockEvent[];
}

const replyTypes: readonly string[] = REPLY_TYPES;

/** A request's timeliness record as of `asOf` (today, in China), against the due date in force. */
export function timelinessRecordOf(r: TimelinessInput, calendar: WorkingDayCalendar, asOf: IsoDate): { record: TimelinessRecord; missingYears: number[] } {
  const d = computeDeadline(calendar, r.clockEvents, asOf);
  const replied = r.concludedOn !== null && r.outcome !== null && replyTypes.includes(r.outcome);
  return {
    record: {
      replied,
      concluded: r.concludedOn !== null,
      onTime: replied ? d.concludedOnTime : null,
      workingDaysToReply: replied && r.concludedOn ? calendar.countWorkingDays(r.receivedOn, r.concludedOn).days : null,
      state: d.state,
      workingDaysOverdue: d.state === 'overdue' ? -d.workingDaysLeft : 0,
      extension: r.extension === 'approved',
      correction: r.clockEvents.some((e) => e.type === 'correction_requested'),
      consultation: r.clockEvents.some((e) => e.type === 'consultation_started'),
      provisional: d.provisional,
    },
    missingYears: d.missingYears,
  };
}

/** `replied`: a reply was sent; `on_time`: on or before the due date in force; `late`: after it. */
export const TIMELINESS_OUTCOMES = ['replied', 'on_time', 'late'] as const;
export type TimelinessOutcome = (typeof TIMELINESS_OUTCOMES)[number];

/** The deadline states an open (not concluded) request can be in. */
export const OPEN_DEADLINE_STATES = ['on_track', 'due_soon', 'overdue', 'paused'] as const;
export type OpenDeadlineState = (typeof OPEN_DEADLINE_STATES)[number];

/** The requests behind one number of the dashboard; the fields given must all hold. */
export interface TimelinessFilter {
  timeliness?: TimelinessOutcome;
  /** Open requests in any of these states. */
  deadlineState?: readonly OpenDeadlineState[];
  extended?: boolean;
  corrected?: boolean;
  consulted?: boolean;
}

export function hasTimelinessFilter(f: TimelinessFilter): boolean {
  return f.timeliness !== undefined || !!f.deadlineState?.length || f.extended !== undefined || f.corrected !== undefined || f.consulted !== undefined;
}

export function matchesTimelinessFilter(r: TimelinessRecord, f: TimelinessFilter): boolean {
  if (f.timeliness === 'replied' && !r.replied) return false;
  if (f.timeliness === 'on_time' && !(r.replied && r.onTime === true)) return false;
  if (f.timeliness === 'late' && !(r.replied && r.onTime !== true)) return false;
  if (f.deadlineState?.length && (r.concluded || !(f.deadlineState as readonly string[]).includes(r.state))) return false;
  if (f.extended !== undefined && r.extension !== f.extended) return false;
  if (f.corrected !== undefined && r.correction !== f.corrected) return false;
  if (f.consulted !== undefined && r.consultation !== f.consulted) return false;
  return true;
}

export interface TimelinessStats {
  requests: number;
  replied: number;
  repliedOnTime: number;
  repliedLate: number;
  /** Share of replies sent on or before the due date in force (null with no replies). */
  onTimeRate: number | null;
  meanWorkingDays: number | null;
  p90WorkingDays: number | null;
  open: Record<OpenDeadlineState, number>;
  overdueWorkingDays: number;
  extended: number;
  corrected: number;
  consulted: number;
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
  const where = (f: TimelinessFilter) => records.filter((r) => matchesTimelinessFilter(r, f));
  const replied = where({ timeliness: 'replied' });
  const onTime = where({ timeliness: 'on_time' }).length;
  const days = replied.map((r) => r.workingDaysToReply).filter((d): d is number => d !== null);
  const open = Object.fromEntries(OPEN_DEADLINE_STATES.map((s) => [s, where({ deadlineState: [s] }).length])) as Record<OpenDeadlineState, number>;
  const overdueWorkingDays = where({ deadlineState: ['overdue'] }).reduce((sum, r) => sum + r.workingDaysOverdue, 0);
  const extended = where({ extended: true }).length;
  const corrected = where({ corrected: true }).length;
  const consulted = where({ consulted: true }).length;
  const rate = (n: number) => (records.length ? round(n / records.length) : null);
  return {
    requests: records.length,
    replied: replied.length,
    repliedOnTime: onTime,
    repliedLate: where({ timeliness: 'late' }).length,
    onTimeRate: replied.length ? round(onTime / replied.length) : null,
    meanWorkingDays: days.length ? round(days.reduce((a, b) => a + b, 0) / days.length, 1) : null,
    p90WorkingDays: percentile(days, 90),
    open,
    overdueWorkingDays,
    extended,
    corrected,
    consulted,
    extensionRate: rate(extended),
    correctionRate: rate(corrected),
    consultationRate: rate(consulted),
    provisional: records.some((r) => r.provisional),
  };
}
