import { Col, Flex, Row, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasAnyRole } from '@govdesk/domain';
import { useAuth } from '../../auth/auth-context';
import { ActiveAlertsPane } from './components/ActiveAlertsPane';
import { DesktopAlertsButton } from './components/DesktopAlertsButton';
import { HotspotHeatPane } from './components/HotspotHeatPane';
import { SupervisorView } from './components/SupervisorView';

type View = 'board' | 'supervise';

/**
 * The live alert board: active alerts beside the hotspots by heat, both kept current by socket
 * events. Supervisors and admins also get the supervision view (supervisors land on it).
 */
export function AlertsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const canSupervise = !!user && hasAnyRole(user, ['supervisor', 'admin']);
  const supervisorFirst = !!user && user.roles.includes('supervisor') && !user.roles.includes('monitor');
  const asked = params.get('view');
  const view: View = canSupervise && (asked === 'supervise' || (asked !== 'board' && supervisorFirst)) ? 'supervise' : 'board';

  const board = (
    <Row gutter={[16, 16]} align="top">
      <Col xs={24} xl={15}>
        <ActiveAlertsPane />
      </Col>
      <Col xs={24} xl={9}>
        <HotspotHeatPane />
      </Col>
    </Row>
  );

  return (
    <>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t('alerts.title')}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <DesktopAlertsButton />
      </Flex>
      {canSupervise ? (
        <Tabs
          activeKey={view}
          onChange={(k) => setParams({ view: k }, { replace: true })}
          items={[
            { key: 'board', label: <span data-testid="tab-board">{t('alerts.views.board')}</span>, children: board },
            { key: 'supervise', label: <span data-testid="tab-supervise">{t('alerts.views.supervise')}</span>, children: <SupervisorView /> },
          ]}
        />
      ) : (
        board
      )}
    </>
  );
}
