import { useQuery } from '@tanstack/react-query';
import type { AnnualReportDrillDownDto as DrillDownItem, AnnualReportDto, TimelinessGroupBy, TimelinessReportDto as TimelinessReport } from '@govdesk/contracts';
import { api } from '../../api/client';

export { TIMELINESS_GROUPS } from '@govdesk/contracts';
export type { TimelinessGroupBy, TimelinessGroupDto as TimelinessGroup, TimelinessReportDto as TimelinessReport, AnnualReportDrillDownDto as DrillDownItem } from '@govdesk/contracts';

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
