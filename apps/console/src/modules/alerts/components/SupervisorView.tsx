import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useActiveAlerts } from '../hooks/alerts-api';
import { useNow } from '../hooks/useNow';
import { isEscalated, isLate } from '../utils/alerts';
import { AlertTable } from './AlertTable';
import { ResponseStatsTable } from './ResponseStatsTable';

/** What supervisors watch: escalated alerts, alerts whose response is late, and response times per unit and month. */
export function SupervisorView() {
  const { t } = useTranslation();
  const alerts = useActiveAlerts();
  const now = useNow();
  const items = alerts.data ?? [];
  const escalated = items.filter(isEscalated);
  const late = items.filter((a) => isLate(a, now));

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('alerts.supervise.escalated')} extra={escalated.length}>
        <AlertTable alerts={escalated} loading={alerts.isLoading} empty={t('alerts.supervise.escalatedEmpty')} testId="escalated-list" rowTestId="escalated-row" />
      </Card>
      <Card size="small" title={t('alerts.supervise.late')} extra={late.length}>
        <AlertTable alerts={late} loading={alerts.isLoading} empty={t('alerts.supervise.lateEmpty')} testId="late-list" rowTestId="late-row" />
      </Card>
      <Card size="small" title={t('alerts.supervise.stats')}>
        <ResponseStatsTable />
      </Card>
    </Flex>
  );
}
