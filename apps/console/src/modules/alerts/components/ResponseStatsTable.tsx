import { Alert, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResponseStatsRow } from '@govdesk/contracts';
import { useResponseStats } from '../hooks/alerts-api';

const minutes = (m: number | null) => (m === null ? '—' : m);

/** GET /api/alerts/stats: per responsible unit and month, how many alerts were acknowledged and answered, how fast. */
export function ResponseStatsTable() {
  const { t } = useTranslation();
  const stats = useResponseStats(true);
  return (
    <>
      {stats.isError && <Alert type="error" showIcon title={stats.error.message} style={{ marginBottom: 12 }} />}
      <Table<ResponseStatsRow>
        rowKey={(r) => `${r.month}:${r.unitId ?? '-'}`}
        size="small"
        loading={stats.isLoading}
        dataSource={stats.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="response-stats"
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.supervise.statsEmpty')} /> }}
        columns={[
          { title: t('alerts.supervise.columns.month'), dataIndex: 'month', width: 90 },
          { title: t('alerts.supervise.columns.unit'), key: 'unit', render: (_, r) => r.unitName ?? <Typography.Text type="secondary">{t('alerts.noUnit')}</Typography.Text> },
          { title: t('alerts.supervise.columns.alerts'), dataIndex: 'alerts', width: 90, align: 'right' },
          { title: t('alerts.supervise.columns.acknowledged'), dataIndex: 'acknowledged', width: 90, align: 'right' },
          { title: t('alerts.supervise.columns.responded'), dataIndex: 'responded', width: 90, align: 'right' },
          {
            title: t('alerts.supervise.columns.respondedLate'),
            dataIndex: 'respondedLate',
            width: 90,
            align: 'right',
            render: (n: number) => (n > 0 ? <Typography.Text type="danger" strong>{n}</Typography.Text> : n),
          },
          { title: t('alerts.supervise.columns.medianAck'), dataIndex: 'medianMinutesToAck', width: 140, align: 'right', render: minutes },
          { title: t('alerts.supervise.columns.medianRespond'), dataIndex: 'medianMinutesToRespond', width: 140, align: 'right', render: minutes },
        ]}
      />
    </>
  );
}
