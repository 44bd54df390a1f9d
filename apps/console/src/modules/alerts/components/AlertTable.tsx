import { Empty, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlertDto } from '@govdesk/contracts';
import { LevelTag } from '../../hotspots/components/LevelTag';
import { dateTime } from '../../hotspots/utils/format';
import { AlertStatusTag } from './AlertStatusTag';
import { ClockCountdown } from './ClockCountdown';

interface Props {
  alerts: AlertDto[];
  loading: boolean;
  empty: string;
  /** data-testid of the table; each row gets `rowTestId`. */
  testId: string;
  rowTestId: string;
}

/** A compact list of alerts for supervisors: level, hotspot, status, escalation, unit and the response clocks. */
export function AlertTable({ alerts, loading, empty, testId, rowTestId }: Props) {
  const { t } = useTranslation();
  return (
    <Table<AlertDto>
      rowKey="id"
      size="small"
      pagination={false}
      loading={loading}
      dataSource={alerts}
      data-testid={testId}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={`${testId}-empty`} /> }}
      onRow={(a) => ({ 'data-testid': rowTestId, 'data-alert-id': a.id }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('hotspots.columns.level'), key: 'level', width: 110, render: (_, a) => <LevelTag level={a.level} /> },
        { title: t('hotspots.columns.title'), key: 'title', render: (_, a) => <Link to={`/hotspots/${a.hotspotId}`}>{a.hotspotTitle}</Link> },
        { title: t('alerts.fields.status'), key: 'status', width: 90, render: (_, a) => <AlertStatusTag status={a.status} /> },
        {
          title: t('alerts.fields.step'),
          key: 'step',
          width: 150,
          render: (_, a) => (
            <Space orientation="vertical" size={0}>
              <span>{t('alerts.stepN', { step: a.step })}</span>
              {a.lastEscalatedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('alerts.supervise.lastEscalated')} {dateTime(a.lastEscalatedAt)}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        { title: t('alerts.fields.unit'), key: 'unit', width: 130, render: (_, a) => a.unitName ?? <Typography.Text type="secondary">{t('alerts.noUnit')}</Typography.Text> },
        {
          title: t('alerts.fields.clocks'),
          key: 'clocks',
          width: 260,
          render: (_, a) => (
            <Space orientation="vertical" size={4}>
              {a.clocks.map((c) => (
                <ClockCountdown key={c.code} clock={c} />
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
