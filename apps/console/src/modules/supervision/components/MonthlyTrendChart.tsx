import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useTranslation } from 'react-i18next';
import type { TimelinessMetric, TimelinessReportDto } from '@govdesk/contracts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** What a click on each series opens: the requests received, or replied (the rate's base). */
const SERIES_METRICS: TimelinessMetric[] = ['requests', 'replied', 'replied'];

/**
 * Requests received and replied per month (bars) and the on-time rate (line, right axis); a
 * click on a bar or a point opens that month's requests.
 */
export function MonthlyTrendChart({ months, onOpen }: { months: TimelinessReportDto['months']; onOpen?(month: string, metric: TimelinessMetric): void }) {
  const { t } = useTranslation();
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('supervision.timeliness.requests'), t('supervision.timeliness.replied'), t('supervision.timeliness.onTimeRate')] },
    grid: { left: 40, right: 50, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: t('supervision.timeliness.requests'), type: 'bar', data: months.map((m) => m.requests), itemStyle: { color: '#91caff' } },
      { name: t('supervision.timeliness.replied'), type: 'bar', data: months.map((m) => m.replied), itemStyle: { color: '#52c41a' } },
      {
        name: t('supervision.timeliness.onTimeRate'),
        type: 'line',
        yAxisIndex: 1,
        data: months.map((m) => (m.onTimeRate === null ? null : Math.round(m.onTimeRate * 1000) / 10)),
        itemStyle: { color: '#fa541c' },
        connectNulls: true,
      },
    ],
  };
  const onEvents = {
    click: (e: { name?: string; seriesIndex?: number }) => {
      const metric = SERIES_METRICS[e.seriesIndex ?? -1];
      if (e.name && metric) onOpen?.(e.name, metric);
    },
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 280 }} notMerge onEvents={onEvents} />;
}
