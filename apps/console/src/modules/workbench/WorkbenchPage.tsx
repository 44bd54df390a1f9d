import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Empty, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberDto, UnitDto } from '@govdesk/contracts';
import { api } from '../../api/client';
import { useAuth } from '../../auth/auth-context';

/** The handler's workbench: their unit, its handlers, and the request queue (disclosure issue). */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const unitId = user?.unitId ?? null;
  const unit = useQuery({ queryKey: ['unit', unitId], queryFn: () => api<UnitDto>(`/units/${unitId}`), enabled: !!unitId });
  const members = useQuery({
    queryKey: ['unit-members', unitId],
    queryFn: () => api<MemberDto[]>(`/units/${unitId}/members`),
    enabled: !!unitId,
  });

  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {t('workbench.title')}
      </Typography.Title>
      <Row gutter={16}>
        <Col span={16}>
          <Card title={t('workbench.queue')}>
            <Empty description={t('workbench.queueEmpty')}>
              <Typography.Text type="secondary">{t('workbench.queueHint')}</Typography.Text>
            </Empty>
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Descriptions column={1} items={[{ key: 'unit', label: t('workbench.unit'), children: unit.data?.name ?? t('common.none') }]} />
          </Card>
          {unitId && (
            <Card title={t('workbench.colleagues')} style={{ marginTop: 16 }}>
              <List loading={members.isLoading} dataSource={members.data ?? []} renderItem={(m) => <List.Item>{m.displayName}</List.Item>} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
