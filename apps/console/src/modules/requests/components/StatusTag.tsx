import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestStatus } from '@govdesk/domain';

const STATUS_COLORS: Record<RequestStatus, string> = {
  registered: 'default',
  reviewing: 'processing',
  awaiting_correction: 'warning',
  handling: 'processing',
  consulting: 'purple',
  reply_drafted: 'cyan',
  replied: 'success',
  archived: 'default',
  withdrawn: 'default',
  abandoned: 'default',
};

export function StatusTag({ status, testId }: { status: RequestStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`requests.status.${status}`)}
    </Tag>
  );
}
