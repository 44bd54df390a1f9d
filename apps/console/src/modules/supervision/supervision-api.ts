import { useQuery } from '@tanstack/react-query';
import type { AnnualReportDto } from '@govdesk/contracts';
import type { ApplicantType, TimelinessStats } from '@govdesk/domain';
import { api } from '../../api/client';

// The timeliness report and drill-down rows are typed in apps/api (TimelinessReport,
// DrillDownItem), not in libs/contracts: mirrored here.
export const TIMELINESS_GROUPS = ['unit', 'handler', 'channel', 'applicantType'] as const;
export type TimelinessGroupBy = (typeof TIMELINESS_GROUPS)[number];

export interface TimelinessGroup extends TimelinessStats {
  key: string | null;
  label: string;
}

export interface TimelinessReport {
  from: string;
  to: string;
  groupBy: TimelinessGroupBy;
  totals: TimelinessStats;
  groups: TimelinessGroup[];
  months: (TimelinessStats & { month: string })[];
  missingYears: number[];
}

export interface DrillDownItem {
  id: string;
  receiptNo: string;
  applicantName: string;
  applicantType: ApplicantType;
  status: string;
  receivedOn: string;
  concludedOn: string | null;
  outcome: string | null;
}

export function useTimeliness(from: string, to: string, groupBy: TimelinessGroupBy) {
  return useQuery({
    queryKey: ['supervision', 'timeliness', from, to, groupBy],
    queryFn: () => api<TimelinessReport>(`/supervision/timeliness?${new URLSearchParams({ from, to, groupBy }).toString()}`),
  });
}

function reportParams(year: number, unitId: string | null, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ year: String(year), ...extra });
  if (unitId) p.set('unitId', unitId);
  return p.toString();
}

export function useAnnualReport(year: number, unitId: string | null) {
  return useQuery({ queryKey: ['reports', 'annual', year, unitId], queryFn: () => api<AnnualReportDto>(`/reports/annual?${reportParams(year, unitId)}`) });
}

export function useDrillDown(year: number, unitId: string | null, cell: { row: string; column: string } | null) {
  return useQuery({
    queryKey: ['reports', 'annual', year, unitId, 'drill', cell?.row, cell?.column],
    queryFn: () => api<DrillDownItem[]>(`/reports/annual/requests?${reportParams(year, unitId, { row: cell!.row, column: cell!.column })}`),
    enabled: cell !== null,
  });
}

export function exportPath(year: number, unitId: string | null, format: 'xlsx' | 'csv'): string {
  return `/reports/annual/export?${reportParams(year, unitId, { format })}`;
}
