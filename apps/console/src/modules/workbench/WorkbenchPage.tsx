import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitDto } from '@govdesk/contracts';
import { api } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { RequestQueue } from '../requests/RequestQueue';

/** The handler's workbench: the unit's disclosure requests, most urgent first. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const unitId = user?.unitId ?? null;
  const unit = useQuery({ queryKey: ['unit', unitId], queryFn: () => api<UnitDto>(`/units/${unitId}`), enabled: !!unitId });

  return (
    <>
      <Typography.Title level={3} data-testid="page-title" style={{ marginBottom: 4 }}>
        {t('workbench.title')}
      </Typography.Title>
      <Typography.Paragraph data-testid="workbench-unit">
        <Typography.Text type="secondary">{t('workbench.unit')}</Typography.Text> <Typography.Text strong>{unit.data?.name ?? t('common.none')}</Typography.Text>
      </Typography.Paragraph>
      <RequestQueue />
    </>
  );
}
