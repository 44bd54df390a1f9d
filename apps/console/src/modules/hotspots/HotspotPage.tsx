import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { hasAnyRole } from '@govdesk/domain';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { useOpinionNames } from '../opinion-admin/hooks/settings-api';
import { HotspotStatusTag } from './components/Figures';
import { HotspotActions } from './components/HotspotActions';
import { HotspotFacets } from './components/HotspotFacets';
import { HotspotFigures, ResponseLimits } from './components/HotspotFigures';
import { LevelTag } from './components/LevelTag';
import { LinkedRequestsCard } from './components/LinkedRequestsCard';
import { MentionsCard } from './components/MentionsCard';
import { MergedFromCard } from './components/MergedFromCard';
import { TimelineChart } from './components/TimelineChart';
import { useHotspotDetail } from './hooks/hotspots-api';

/** One hotspot: figures, timeline, keywords, mentions, linked requests and (for monitors) what to do about it. */
export function HotspotPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const { user } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const detail = useHotspotDetail(id);
  // Supervisors read everything; monitors and admins also act.
  const canEdit = !!user && hasAnyRole(user, ['monitor', 'admin']);
  const names = useOpinionNames(canEdit);
  // Back to the list as it was left (its filters live in the address), else to the list.
  const back = () => void (location.key !== 'default' ? navigate(-1) : navigate('/hotspots'));
  const backButton = (
    <Tooltip title={t('hotspots.detail.back')}>
      <Button icon={<ArrowLeftOutlined />} aria-label={t('hotspots.detail.back')} onClick={back} />
    </Tooltip>
  );

  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError || !detail.data) {
    const notFound = detail.error instanceof ApiError && [403, 404].includes(detail.error.status);
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('hotspots.detail.notFound') : detail.error?.message} extra={backButton} />;
  }
  const h = detail.data;

  return (
    <>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        {backButton}
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {h.title}
        </Typography.Title>
        <LevelTag level={h.level} manual={h.levelManual} />
        <HotspotStatusTag status={h.status} />
        {h.category && <Tag>{names.categories.get(h.category) ?? h.category}</Tag>}
        <div style={{ flex: 1 }} />
        <Tooltip title={t('common.reload')}>
          <Button icon={<ReloadOutlined />} aria-label={t('common.reload')} loading={detail.isFetching} onClick={() => void detail.refetch()} />
        </Tooltip>
      </Flex>
      <Space orientation="vertical" size={4} style={{ marginBottom: 16 }}>
        <Typography.Text data-testid="hotspot-level-reason">
          <Typography.Text type="secondary">{t('hotspots.detail.levelReason')}：</Typography.Text>
          {h.levelReason ?? t('hotspots.detail.noLevelReason')}
        </Typography.Text>
        <Typography.Text data-testid="hotspot-unit">
          <Typography.Text type="secondary">{t('hotspots.detail.unit')}：</Typography.Text>
          {h.unitName ?? t('hotspots.detail.noUnit')}
        </Typography.Text>
        {h.status !== 'merged' && <ResponseLimits hotspot={h} />}
      </Space>

      {h.status === 'merged' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('hotspots.detail.mergedInto')}
          action={h.mergedInto ? <Link to={`/hotspots/${h.mergedInto}`}>{t('hotspots.detail.openMerged')}</Link> : undefined}
          data-testid="merged-alert"
        />
      )}

      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {canEdit && h.status !== 'merged' && <HotspotActions hotspot={h} />}
        <HotspotFigures hotspot={h} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card size="small" title={t('hotspots.detail.timeline')}>
              <TimelineChart timeline={h.timeline} bucket={h.bucket} />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <HotspotFacets hotspot={h} flagNames={names.flags} />
          </Col>
        </Row>
        <MergedFromCard hotspot={h} canEdit={canEdit} />
        <LinkedRequestsCard hotspot={h} canEdit={canEdit} />
        <MentionsCard key={h.id} hotspot={h} canEdit={canEdit} flagNames={names.flags} />
      </Space>
    </>
  );
}
