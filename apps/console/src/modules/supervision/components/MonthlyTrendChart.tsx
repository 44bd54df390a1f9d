import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useTranslation } from 'react-i18next';
import type { TimelinessReportDto } from '@govdesk/contracts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Requests received and replied per month (bars) and the on-time rate (line, right axis). */
export function MonthlyTrendChart({ months }: { months: TimelinessReportDto['months'] }) {
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
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 280 }} notMerge />;
}
