import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlertStatus } from '@govdesk/contracts';

const STATUS_COLORS: Record<AlertStatus, string> = { open: 'red', acknowledged: 'gold', assigned: 'blue', resolved: 'green' };

export function AlertStatusTag({ status }: { status: AlertStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="alert-status" data-status={status}>
      {t(`alerts.statuses.${status}`)}
    </Tag>
  );
}
