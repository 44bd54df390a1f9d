import { Card, DatePicker, Empty, Flex, Segmented, Space, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MissingYearsAlert } from '../../calendar/MissingYearsAlert';
import { MonthlyTrendChart } from './MonthlyTrendChart';
import { TIMELINESS_GROUPS, useTimeliness, type TimelinessGroup, type TimelinessGroupBy } from '../supervision-api';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '—' : x.toFixed(1));

/** Reply timeliness by unit, handler, channel or applicant type, and month by month. */
export function TimelinessSection() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [groupBy, setGroupBy] = useState<TimelinessGroupBy>('unit');
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const report = useTimeliness(from, to, groupBy);
  const data = report.data;

  const label = (g: TimelinessGroup) => {
    if (groupBy === 'channel' && g.key) return t(`requests.channels.${g.key}`, { defaultValue: g.label });
    if (groupBy === 'applicantType' && g.key) return t(`requests.applicantTypes.${g.key}`, { defaultValue: g.label });
    return g.label;
  };

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
            <Statistic title={t('supervision.timeliness.requests')} value={data.totals.requests} />
            <Statistic title={t('supervision.timeliness.replied')} value={data.totals.replied} />
            <Statistic title={t('supervision.timeliness.onTimeRate')} value={pct(data.totals.onTimeRate)} />
            <Statistic title={t('supervision.timeliness.meanDays')} value={num(data.totals.meanWorkingDays)} />
            <Statistic title={t('supervision.timeliness.p90Days')} value={data.totals.p90WorkingDays ?? '—'} />
            <Statistic title={t('supervision.timeliness.overdue')} value={data.totals.open.overdue} styles={{ content: { color: data.totals.open.overdue ? '#cf1322' : undefined } }} />
          </Flex>
        )}
        <Table<TimelinessGroup>
          size="small"
          rowKey={(g) => g.key ?? g.label}
          loading={report.isLoading}
          dataSource={data?.groups ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          data-testid="timeliness-table"
          columns={[
            { key: 'label', title: t(`supervision.timeliness.groups.${groupBy}`), fixed: 'left', width: 160, render: (_, g) => label(g) },
            { key: 'requests', title: t('supervision.timeliness.requests'), dataIndex: 'requests', width: 70, align: 'right' },
            { key: 'replied', title: t('supervision.timeliness.replied'), dataIndex: 'replied', width: 70, align: 'right' },
            {
              key: 'rate',
              title: t('supervision.timeliness.onTimeRate'),
              width: 110,
              align: 'right',
              sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
              render: (_, g) => <Tag color={g.onTimeRate === null ? 'default' : g.onTimeRate >= 0.95 ? 'green' : g.onTimeRate >= 0.8 ? 'orange' : 'red'}>{pct(g.onTimeRate)}</Tag>,
            },
            { key: 'mean', title: t('supervision.timeliness.meanDays'), width: 90, align: 'right', render: (_, g) => num(g.meanWorkingDays) },
            { key: 'p90', title: t('supervision.timeliness.p90Days'), width: 80, align: 'right', render: (_, g) => g.p90WorkingDays ?? '—' },
            {
              key: 'open',
              title: t('supervision.timeliness.open'),
              children: [
                { key: 'on_track', title: t('requests.deadlineStates.on_track'), width: 70, align: 'right', render: (_, g) => g.open.on_track },
                { key: 'due_soon', title: t('requests.deadlineStates.due_soon'), width: 80, align: 'right', render: (_, g) => g.open.due_soon },
                {
                  key: 'overdue',
                  title: t('requests.deadlineStates.overdue'),
                  width: 70,
                  align: 'right',
                  render: (_, g) =>
                    g.open.overdue > 0 && groupBy === 'unit' && g.key ? (
                      <Link to={`/workbench?unitId=${g.key}&overdue=true`} style={{ color: '#cf1322', fontWeight: 600 }} data-testid="overdue-link">
                        {g.open.overdue}
                      </Link>
                    ) : (
                      <span style={{ color: g.open.overdue ? '#cf1322' : undefined }}>{g.open.overdue}</span>
                    ),
                },
                { key: 'paused', title: t('requests.deadlineStates.paused'), width: 70, align: 'right', render: (_, g) => g.open.paused },
              ],
            },
            { key: 'odays', title: t('supervision.timeliness.overdueDays'), width: 90, align: 'right', dataIndex: 'overdueWorkingDays' },
            { key: 'ext', title: t('supervision.timeliness.extensionRate'), width: 80, align: 'right', render: (_, g) => pct(g.extensionRate) },
            { key: 'corr', title: t('supervision.timeliness.correctionRate'), width: 80, align: 'right', render: (_, g) => pct(g.correctionRate) },
            { key: 'cons', title: t('supervision.timeliness.consultationRate'), width: 80, align: 'right', render: (_, g) => pct(g.consultationRate) },
          ]}
        />
      </Card>
      <Card size="small" title={t('supervision.timeliness.trend')} data-testid="timeliness-trend">
        {data && data.months.length > 0 ? <MonthlyTrendChart months={data.months} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </Card>
    </Space>
  );
}
