import { Alert, Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useActiveAlerts } from '../hooks/alerts-api';
import { AlertCard } from './AlertCard';

/** Open, acknowledged and assigned alerts as cards, most serious and newest first. */
export function ActiveAlertsPane() {
  const { t } = useTranslation();
  const alerts = useActiveAlerts();
  const items = alerts.data ?? [];
  return (
    <Card
      title={
        <Flex align="baseline" gap={8}>
          {t('alerts.active.title')}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('alerts.active.hint')}
          </Typography.Text>
        </Flex>
      }
      extra={<Typography.Text strong data-testid="active-alert-count">{items.length}</Typography.Text>}
      data-testid="active-alerts"
    >
      {alerts.isError && <Alert type="error" showIcon title={alerts.error.message} style={{ marginBottom: 12 }} />}
      {alerts.isLoading ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty description={t('alerts.active.empty')} data-testid="active-alerts-empty" />
      ) : (
        <Flex vertical gap={12}>
          {items.map((a) => (
            <AlertCard key={a.id} alert={a} />
          ))}
        </Flex>
      )}
    </Card>
  );
}
