import { Card, DatePicker, Empty, Flex, Segmented, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { timelinessCount, type TimelinessMetric } from '@govdesk/contracts';
import type { TimelinessStats } from '@govdesk/domain';
import { MissingYearsAlert } from '../../calendar/MissingYearsAlert';
import { MonthlyTrendChart } from './MonthlyTrendChart';
import { TIMELINESS_GROUPS, useTimeliness, type TimelinessGroup, type TimelinessGroupBy } from '../supervision-api';
import { timelinessDrillPath as drillPath, type TimelinessCell as Cell } from '../utils/drill';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '—' : x.toFixed(1));
const RED = '#cf1322';

/** Reply timeliness by unit, handler, channel or applicant type, and month by month. */
export function TimelinessSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [groupBy, setGroupBy] = useState<TimelinessGroupBy>('unit');
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const report = useTimeliness(from, to, groupBy);
  const data = report.data;

  const label = (g: TimelinessGroup) => {
    if (groupBy === 'channel' && g.key) return t(`requests.channels.${g.key}`, { defaultValue: g.label });
    if (groupBy === 'applicantType' && g.key) return t(`requests.applicantTypes.${g.key}`, { defaultValue: g.label });
    if (groupBy === 'handler' && g.key === null) return t('requests.queue.unassigned');
    return g.label;
  };

  /**
   * A number that opens the requests behind it: `metric` says which (for a rate or a mean, the
   * requests it is taken over); nothing to open when it counts none.
   */
  const drill = (stats: TimelinessStats, cell: Cell, metric: TimelinessMetric, shown: ReactNode, color?: string) => {
    const count = timelinessCount(stats, metric);
    if (!data || count === 0) return <span style={{ color: count === 0 ? 'rgba(0,0,0,0.35)' : color }}>{shown}</span>;
    return (
      <Tooltip title={t(`supervision.timeliness.open_${metric}`, { count })} mouseEnterDelay={0.4}>
        <Link
          to={drillPath(data, cell, metric)}
          style={{ color, fontWeight: color ? 600 : undefined }}
          data-testid={`drill-${metric}`}
          data-count={count}
        >
          {shown}
        </Link>
      </Tooltip>
    );
  };
  const cellOf = (g: TimelinessGroup): Cell => ({ key: g.key, label: g.label });
  const rate = (g: TimelinessGroup, metric: 'extended' | 'corrected' | 'consulted', value: number | null) =>
    drill(g, cellOf(g), metric, value === null ? '—' : `${pct(value)} (${timelinessCount(g, metric)})`);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('supervision.timeliness.title')}
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              allowClear={false}
              value={range}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              data-testid="timeliness-range"
            />
            <Segmented<TimelinessGroupBy>
              value={groupBy}
              onChange={setGroupBy}
              options={TIMELINESS_GROUPS.map((g) => ({ value: g, label: t(`supervision.timeliness.groups.${g}`) }))}
            />
          </Space>
        }
      >
        {data && <MissingYearsAlert missingYears={data.missingYears} />}
        {data && (
          <Flex gap={32} wrap style={{ marginBottom: 16 }} data-testid="timeliness-totals">
            <Statistic title={t('supervision.timeliness.requests')} valueRender={() => drill(data.totals, {}, 'requests', data.totals.requests)} />
            <Statistic title={t('supervision.timeliness.replied')} valueRender={() => drill(data.totals, {}, 'replied', data.totals.replied)} />
            <Statistic title={t('supervision.timeliness.late')} valueRender={() => drill(data.totals, {}, 'late', data.totals.repliedLate, data.totals.repliedLate ? RED : undefined)} />
            <Statistic title={t('supervision.timeliness.onTimeRate')} valueRender={() => drill(data.totals, {}, 'replied', pct(data.totals.onTimeRate))} />
            <Statistic title={t('supervision.timeliness.meanDays')} valueRender={() => drill(data.totals, {}, 'replied', num(data.totals.meanWorkingDays))} />
            <Statistic title={t('supervision.timeliness.p90Days')} valueRender={() => drill(data.totals, {}, 'replied', data.totals.p90WorkingDays ?? '—')} />
            <Statistic
              title={t('supervision.timeliness.overdue')}
              valueRender={() => drill(data.totals, {}, 'overdue', data.totals.open.overdue, data.totals.open.overdue ? RED : undefined)}
            />
          </Flex>
        )}
        <Table<TimelinessGroup>
          size="small"
          rowKey={(g) => g.key ?? g.label}
          loading={report.isLoading}
          dataSource={data?.groups ?? []}
          pagination={false}
          scroll={{ x: 1150 }}
          data-testid="timeliness-table"
          columns={[
            { key: 'label', title: t(`supervision.timeliness.groups.${groupBy}`), fixed: 'left', width: 130, render: (_, g) => label(g) },
            { key: 'requests', title: t('supervision.timeliness.requests'), width: 60, align: 'right', render: (_, g) => drill(g, cellOf(g), 'requests', g.requests) },
            {
              key: 'replies',
              title: t('supervision.timeliness.replies'),
              children: [
                { key: 'replied', title: t('supervision.timeliness.replied'), width: 60, align: 'right', render: (_, g) => drill(g, cellOf(g), 'replied', g.replied) },
                { key: 'onTime', title: t('supervision.timeliness.onTimeShort'), width: 52, align: 'right', render: (_, g) => drill(g, cellOf(g), 'on_time', g.repliedOnTime) },
                {
                  key: 'late',
                  title: t('supervision.timeliness.lateShort'),
                  width: 52,
                  align: 'right',
                  render: (_, g) => drill(g, cellOf(g), 'late', g.repliedLate, g.repliedLate ? RED : undefined),
                },
                {
                  key: 'rate',
                  title: t('supervision.timeliness.onTimeRateShort'),
                  width: 84,
                  align: 'right',
                  sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
                  render: (_, g) =>
                    drill(
                      g,
                      cellOf(g),
                      'replied',
                      <Tag color={g.onTimeRate === null ? 'default' : g.onTimeRate >= 0.95 ? 'green' : g.onTimeRate >= 0.8 ? 'orange' : 'red'} style={{ cursor: 'inherit', marginInlineEnd: 0 }}>
                        {pct(g.onTimeRate)}
                      </Tag>,
                    ),
                },
                { key: 'mean', title: t('supervision.timeliness.meanShort'), width: 60, align: 'right', render: (_, g) => drill(g, cellOf(g), 'replied', num(g.meanWorkingDays)) },
                { key: 'p90', title: t('supervision.timeliness.p90Short'), width: 56, align: 'right', render: (_, g) => drill(g, cellOf(g), 'replied', g.p90WorkingDays ?? '—') },
              ],
            },
            {
              key: 'open',
              title: t('supervision.timeliness.open'),
              children: [
                { key: 'on_track', title: t('requests.deadlineStates.on_track'), width: 52, align: 'right', render: (_, g) => drill(g, cellOf(g), 'on_track', g.open.on_track) },
                { key: 'due_soon', title: t('requests.deadlineStates.due_soon'), width: 76, align: 'right', render: (_, g) => drill(g, cellOf(g), 'due_soon', g.open.due_soon, g.open.due_soon ? '#d46b08' : undefined) },
                {
                  key: 'overdue',
                  title: t('requests.deadlineStates.overdue'),
                  width: 60,
                  align: 'right',
                  render: (_, g) => drill(g, cellOf(g), 'overdue', g.open.overdue, g.open.overdue ? RED : undefined),
                },
                { key: 'paused', title: t('requests.deadlineStates.paused'), width: 76, align: 'right', render: (_, g) => drill(g, cellOf(g), 'paused', g.open.paused) },
                { key: 'odays', title: t('supervision.timeliness.overdueDaysShort'), width: 76, align: 'right', render: (_, g) => drill(g, cellOf(g), 'overdue', g.overdueWorkingDays) },
              ],
            },
            {
              key: 'rates',
              title: t('supervision.timeliness.rates'),
              children: [
                { key: 'ext', title: t('supervision.timeliness.extensionShort'), width: 80, align: 'right', render: (_, g) => rate(g, 'extended', g.extensionRate) },
                { key: 'corr', title: t('supervision.timeliness.correctionShort'), width: 80, align: 'right', render: (_, g) => rate(g, 'corrected', g.correctionRate) },
                { key: 'cons', title: t('supervision.timeliness.consultationShort'), width: 80, align: 'right', render: (_, g) => rate(g, 'consulted', g.consultationRate) },
              ],
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('supervision.timeliness.drillHint')}
        </Typography.Text>
      </Card>
      <Card size="small" title={t('supervision.timeliness.trend')} data-testid="timeliness-trend">
        {data && data.months.length > 0 ? (
          <MonthlyTrendChart months={data.months} onOpen={(month, metric) => void navigate(drillPath(data, { month }, metric))} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Card>
    </Space>
  );
}
