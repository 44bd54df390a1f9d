import { useQuery } from '@tanstack/react-query';
import { Badge, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { UnitDto } from '@govdesk/contracts';
import { hasAnyRole } from '@govdesk/domain';
import { api } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { MissingYearsAlert } from '../calendar/MissingYearsAlert';
import { usePendingSubmissions } from '../portal/portal-submissions-api';
import { PortalSubmissionsPanel } from '../portal/PortalSubmissionsPanel';
import { RequestQueue } from '../requests/RequestQueue';

/** The handler's workbench: the unit's disclosure requests, most urgent first, and online applications to confirm. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const unitId = user?.unitId ?? null;
  const unit = useQuery({ queryKey: ['unit', unitId], queryFn: () => api<UnitDto>(`/units/${unitId}`), enabled: !!unitId });
  const canConfirm = !!user && hasAnyRole(user, ['handler', 'supervisor']);
  const pending = usePendingSubmissions(canConfirm);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'online' && canConfirm ? 'online' : 'queue';

  return (
    <>
      <Typography.Title level={3} data-testid="page-title" style={{ marginBottom: 4 }}>
        {t('workbench.title')}
      </Typography.Title>
      <Typography.Paragraph data-testid="workbench-unit">
        <Typography.Text type="secondary">{t('workbench.unit')}</Typography.Text> <Typography.Text strong>{unit.data?.name ?? t('common.none')}</Typography.Text>
      </Typography.Paragraph>
      <MissingYearsAlert />
      {canConfirm ? (
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            if (key === 'online') next.set('tab', 'online');
            else next.delete('tab');
            setParams(next, { replace: true });
          }}
          items={[
            { key: 'queue', label: t('workbench.queueTab'), children: <RequestQueue /> },
            {
              key: 'online',
              label: (
                <Space size={6} data-testid="tab-online">
                  {t('workbench.onlineTab')}
                  <Badge count={pending.data?.length ?? 0} size="small" data-testid="online-count" />
                </Space>
              ),
              children: <PortalSubmissionsPanel />,
            },
          ]}
        />
      ) : (
        <RequestQueue />
      )}
    </>
  );
}
