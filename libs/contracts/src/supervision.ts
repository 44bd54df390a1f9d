import type { ApplicantType, ReviewKind, ReviewOutcome, TimelinessStats } from '@govdesk/domain';

/** GET /api/supervision/timeliness: reply timeliness grouped by one dimension, and by month. */
export const TIMELINESS_GROUPS = ['unit', 'handler', 'channel', 'applicantType'] as const;
export type TimelinessGroupBy = (typeof TIMELINESS_GROUPS)[number];

export interface TimelinessGroupDto extends TimelinessStats {
  key: string | null;
  label: string;
}

export interface TimelinessReportDto {
  from: string;
  to: string;
  groupBy: TimelinessGroupBy;
  totals: TimelinessStats;
  groups: TimelinessGroupDto[];
  months: (TimelinessStats & { month: string })[];
  missingYears: number[];
}

/**
 * The numbers of the dashboard that count requests; mean and p90 working days are over the
 * `replied` ones, working days overdue over the `overdue` ones, each rate over `requests`.
 */
export const TIMELINESS_METRICS = ['requests', 'replied', 'on_time', 'late', 'on_track', 'due_soon', 'overdue', 'paused', 'extended', 'corrected', 'consulted'] as const;
export type TimelinessMetric = (typeof TIMELINESS_METRICS)[number];

/** How many requests `metric` counts in a group's, a month's or the totals' statistics. */
export function timelinessCount(stats: TimelinessStats, metric: TimelinessMetric): number {
  switch (metric) {
    case 'requests':
      return stats.requests;
    case 'replied':
      return stats.replied;
    case 'on_time':
      return stats.repliedOnTime;
    case 'late':
      return stats.repliedLate;
    case 'on_track':
    case 'due_soon':
    case 'overdue':
    case 'paused':
      return stats.open[metric];
    case 'extended':
      return stats.extended;
    case 'corrected':
      return stats.corrected;
    case 'consulted':
      return stats.consulted;
  }
}

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * The query of GET /api/requests that lists exactly the requests one number of the dashboard
 * counts: the report's period (by date of receipt), the group (`key`; null is the group with
 * no value, e.g. unassigned; absent for the totals) or a month, and the metric.
 */
export function timelinessDrillQuery(
  report: Pick<TimelinessReportDto, 'from' | 'to' | 'groupBy'>,
  cell: { key?: string | null; month?: string },
  metric: TimelinessMetric,
): Record<string, string> {
  const q: Record<string, string> = { receivedFrom: report.from, receivedTo: report.to };
  if (cell.month) {
    if (`${cell.month}-01` > report.from) q['receivedFrom'] = `${cell.month}-01`;
    if (lastDayOf(cell.month) < report.to) q['receivedTo'] = lastDayOf(cell.month);
  }
  if (cell.key !== undefined) {
    if (report.groupBy === 'unit' && cell.key) q['unitId'] = cell.key;
    if (report.groupBy === 'handler') q['handlerId'] = cell.key ?? 'none';
    if (report.groupBy === 'channel' && cell.key) q['channel'] = cell.key;
    if (report.groupBy === 'applicantType' && cell.key) q['applicantType'] = cell.key;
  }
  if (metric === 'replied' || metric === 'on_time' || metric === 'late') q['timeliness'] = metric;
  if (metric === 'on_track' || metric === 'due_soon' || metric === 'overdue' || metric === 'paused') q['deadlineState'] = metric;
  if (metric === 'extended' || metric === 'corrected' || metric === 'consulted') q[metric] = 'true';
  return q;
}

/**
 * GET /api/reports/annual/requests: the requests behind one number of part three, or of part
 * four (one item per review record counted, with the record).
 */
export interface AnnualReportDrillDownDto {
  id: string;
  receiptNo: string;
  applicantName: string;
  applicantType: ApplicantType;
  status: string;
  receivedOn: string;
  concludedOn: string | null;
  outcome: string | null;
  /** Part four: the reconsideration or lawsuit this item counts. */
  review?: { id: string; kind: ReviewKind; filedOn: string; decidedOn: string | null; outcome: ReviewOutcome | null };
}
