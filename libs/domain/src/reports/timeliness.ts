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
 * the number in a cell and the requests it opens are the same by construction. A concluded
 * request's record does not move with today: the API keeps it as SQL over stored columns
 * (apps/api/src/disclosure/timeliness-sql.ts), with which both count and filter, and computes
 * only open requests' records here.
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

/** `percentile` of values given as a histogram (value → how many times it occurs). */
export function percentileOfCounts(counts: ReadonlyMap<number, number>, p: number): number | null {
  let n = 0;
  for (const c of counts.values()) n += c;
  if (!n) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  let seen = 0;
  for (const value of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(value)!;
    if (seen >= rank) return value;
  }
  return null;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * What a group's statistics are computed from: its counts, the working days to reply as a
 * histogram, and the working days overdue. A tally adds records one by one (`tallyRecord`, by
 * the filters above) or counts made elsewhere for the same filters (the API counts concluded
 * requests in SQL), and tallies add up (`addTally`), so a group, a month and the totals are
 * each one tally.
 */
export interface TimelinessTally {
  requests: number;
  replied: number;
  repliedOnTime: number;
  repliedLate: number;
  open: Record<OpenDeadlineState, number>;
  overdueWorkingDays: number;
  extended: number;
  corrected: number;
  consulted: number;
  provisional: boolean;
  /** Replies by their working days to reply: days → requests. */
  workingDays: Map<number, number>;
}

export function emptyTimelinessTally(): TimelinessTally {
  return {
    requests: 0,
    replied: 0,
    repliedOnTime: 0,
    repliedLate: 0,
    open: { on_track: 0, due_soon: 0, overdue: 0, paused: 0 },
    overdueWorkingDays: 0,
    extended: 0,
    corrected: 0,
    consulted: 0,
    provisional: false,
    workingDays: new Map(),
  };
}

/** The filter of each number of a tally. */
const TALLY_FILTERS = {
  replied: { timeliness: 'replied' },
  onTime: { timeliness: 'on_time' },
  late: { timeliness: 'late' },
  open: OPEN_DEADLINE_STATES.map((s) => [s, { deadlineState: [s] }] as const),
  overdue: { deadlineState: ['overdue'] },
  extended: { extended: true },
  corrected: { corrected: true },
  consulted: { consulted: true },
} satisfies Record<string, TimelinessFilter | (readonly [OpenDeadlineState, TimelinessFilter])[]>;

/** Counts one record, each number by its filter (the one the request list applies). */
export function tallyRecord(t: TimelinessTally, r: TimelinessRecord): void {
  const f = TALLY_FILTERS;
  t.requests++;
  if (matchesTimelinessFilter(r, f.replied)) {
    t.replied++;
    if (r.workingDaysToReply !== null) t.workingDays.set(r.workingDaysToReply, (t.workingDays.get(r.workingDaysToReply) ?? 0) + 1);
  }
  if (matchesTimelinessFilter(r, f.onTime)) t.repliedOnTime++;
  if (matchesTimelinessFilter(r, f.late)) t.repliedLate++;
  for (const [s, filter] of f.open) if (matchesTimelinessFilter(r, filter)) t.open[s]++;
  if (matchesTimelinessFilter(r, f.overdue)) t.overdueWorkingDays += r.workingDaysOverdue;
  if (matchesTimelinessFilter(r, f.extended)) t.extended++;
  if (matchesTimelinessFilter(r, f.corrected)) t.corrected++;
  if (matchesTimelinessFilter(r, f.consulted)) t.consulted++;
  if (r.provisional) t.provisional = true;
}

/** Adds `from` into `into`. */
export function addTally(into: TimelinessTally, from: TimelinessTally): void {
  into.requests += from.requests;
  into.replied += from.replied;
  into.repliedOnTime += from.repliedOnTime;
  into.repliedLate += from.repliedLate;
  for (const s of OPEN_DEADLINE_STATES) into.open[s] += from.open[s];
  into.overdueWorkingDays += from.overdueWorkingDays;
  into.extended += from.extended;
  into.corrected += from.corrected;
  into.consulted += from.consulted;
  into.provisional ||= from.provisional;
  for (const [days, n] of from.workingDays) into.workingDays.set(days, (into.workingDays.get(days) ?? 0) + n);
}

export function timelinessStatsOfTally(t: TimelinessTally): TimelinessStats {
  let days = 0;
  let sum = 0;
  for (const [d, n] of t.workingDays) {
    days += n;
    sum += d * n;
  }
  const rate = (n: number) => (t.requests ? round(n / t.requests) : null);
  return {
    requests: t.requests,
    replied: t.replied,
    repliedOnTime: t.repliedOnTime,
    repliedLate: t.repliedLate,
    onTimeRate: t.replied ? round(t.repliedOnTime / t.replied) : null,
    meanWorkingDays: days ? round(sum / days, 1) : null,
    p90WorkingDays: percentileOfCounts(t.workingDays, 90),
    open: { ...t.open },
    overdueWorkingDays: t.overdueWorkingDays,
    extended: t.extended,
    corrected: t.corrected,
    consulted: t.consulted,
    extensionRate: rate(t.extended),
    correctionRate: rate(t.corrected),
    consultationRate: rate(t.consulted),
    provisional: t.provisional,
  };
}

export function timelinessStats(records: readonly TimelinessRecord[]): TimelinessStats {
  const t = emptyTimelinessTally();
  for (const r of records) tallyRecord(t, r);
  return timelinessStatsOfTally(t);
}
