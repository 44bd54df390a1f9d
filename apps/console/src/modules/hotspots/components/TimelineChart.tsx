import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import dayjs from 'dayjs';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HotspotDetailDto } from '@govdesk/contracts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

/** Mentions per hour or day, stacked by sentiment (bars), and the mean sentiment score (line, right axis, −1…1). */
export function TimelineChart({ timeline, bucket }: Pick<HotspotDetailDto, 'timeline' | 'bucket'>) {
  const { t } = useTranslation();
  if (timeline.length === 0) return <Empty description={t('hotspots.detail.timelineEmpty')} />;
  const names = {
    negative: t('hotspots.sentiments.negative'),
    neutral: t('hotspots.sentiments.neutral'),
    positive: t('hotspots.sentiments.positive'),
    score: t('hotspots.detail.meanScore'),
  };
  const bar = (key: 'negative' | 'neutral' | 'positive', color: string) => ({
    name: names[key],
    type: 'bar',
    stack: 'mentions',
    data: timeline.map((p) => p[key]),
    itemStyle: { color },
  });
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [names.negative, names.neutral, names.positive, names.score] },
    grid: { left: 40, right: 50, top: 40, bottom: timeline.length > 48 ? 60 : 30 },
    xAxis: { type: 'category', data: timeline.map((p) => dayjs(p.at).format(bucket === 'hour' ? 'MM-DD HH:mm' : 'YYYY-MM-DD')) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: -1, max: 1, splitLine: { show: false } },
    ],
    dataZoom: timeline.length > 48 ? [{ type: 'slider', bottom: 8, height: 20, startValue: timeline.length - 48 }] : [],
    series: [
      bar('negative', '#ff7875'),
      bar('neutral', '#d9d9d9'),
      bar('positive', '#95de64'),
      {
        name: names.score,
        type: 'line',
        yAxisIndex: 1,
        data: timeline.map((p) => (p.count > 0 ? Math.round(p.meanScore * 100) / 100 : null)),
        itemStyle: { color: '#1677ff' },
        connectNulls: true,
      },
    ],
  };
  return (
    <div data-testid="hotspot-timeline">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 320 }} notMerge />
    </div>
  );
}
