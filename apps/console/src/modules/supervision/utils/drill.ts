import { timelinessDrillQuery, type TimelinessMetric, type TimelinessReportDto } from '@govdesk/contracts';

/** A group (`key`, with its `label`), a month, or the totals (neither). */
export interface TimelinessCell {
  key?: string | null;
  label?: string;
  month?: string;
}

/** The queue's address listing exactly the requests `metric` counts in `cell` of the report. */
export function timelinessDrillPath(report: TimelinessReportDto, cell: TimelinessCell, metric: TimelinessMetric): string {
  const params = new URLSearchParams(timelinessDrillQuery(report, cell, metric));
  // The handler's name, for the queue's filter chip.
  if (report.groupBy === 'handler' && cell.key && cell.label) params.set('handlerName', cell.label);
  return `/workbench?${params.toString()}`;
}
