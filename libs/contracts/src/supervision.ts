import type { ApplicantType, TimelinessStats } from '@govdesk/domain';

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

/** GET /api/reports/annual/requests: the requests behind one number of part three. */
export interface AnnualReportDrillDownDto {
  id: string;
  receiptNo: string;
  applicantName: string;
  applicantType: ApplicantType;
  status: string;
  receivedOn: string;
  concludedOn: string | null;
  outcome: string | null;
}
