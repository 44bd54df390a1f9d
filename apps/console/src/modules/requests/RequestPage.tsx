import { ArrowLeftOutlined, BellOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { hasAnyRole, OPEN_STATUSES, type RequestAction } from '@govdesk/domain';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { ActionBar } from './components/ActionBar';
import { ActionModal } from './components/ActionModal';
import { AttachmentsCard } from './components/AttachmentsCard';
import { LettersCard } from './components/LettersCard';
import { ReviewsCard } from './components/ReviewsCard';
import { SimilarRequestsCard } from './components/SimilarRequestsCard';
import { UrgeModal } from './components/UrgeModal';
import { UrgesCard } from './components/UrgesCard';
import { ApplicantCard } from './components/ApplicantCard';
import { DeadlineBadge } from './components/DeadlineBadge';
import { DeadlineCard } from './components/DeadlineCard';
import { ReceiptBanner } from './components/ReceiptBanner';
import { ReplyCard, RequestInfoCard } from './components/RequestInfoCards';
import { RequestTimeline } from './components/RequestTimeline';
import { StatusTag } from './components/StatusTag';
import { useRequestDetail } from './hooks/requests-api';
import type { RegisteredState } from './RegisterRequestPage';

/** One request: its applicant, content, deadline, history and the actions the caller may take now. */
export function RequestPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const { user } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const detail = useRequestDetail(id);
  const [action, setAction] = useState<RequestAction | null>(null);
  const [urging, setUrging] = useState(false);
  const registered = (location.state as RegisteredState | null)?.registered;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/workbench')}>
      {t('requests.detail.back')}
    </Button>
  );

  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError || !detail.data) {
    const notFound = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403);
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('requests.detail.notFound') : detail.error?.message} extra={back} />;
  }
  const r = detail.data;
  const canUrge = !!user && hasAnyRole(user, ['supervisor']) && (OPEN_STATUSES as readonly string[]).includes(r.status);

  return (
    <>
      {registered && (
        <ReceiptBanner
          receiptNo={registered.receiptNo}
          queryCode={registered.queryCode}
          onRegisterAnother={() => void navigate('/requests/new')}
          // The query code is shown once: forget it when the banner closes.
          onClose={() => void navigate(location.pathname, { replace: true, state: null })}
        />
      )}
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Tooltip title={t('requests.detail.back')}>
          <Button icon={<ArrowLeftOutlined />} aria-label={t('requests.detail.back')} onClick={() => void navigate('/workbench')} />
        </Tooltip>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {r.receiptNo}
        </Typography.Title>
        <StatusTag status={r.status} testId="request-status" />
        <DeadlineBadge deadline={r.deadline} />
        <Typography.Text type="secondary">
          {r.applicant.name} · {r.unitName}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Tooltip title={t('common.reload')}>
          <Button icon={<ReloadOutlined />} aria-label={t('common.reload')} loading={detail.isFetching} onClick={() => void detail.refetch()} />
        </Tooltip>
      </Flex>

      <Card size="small" title={t('requests.detail.actions')} style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap align="center">
          <ActionBar actions={r.availableActions} onAction={setAction} />
          {canUrge && (
            <Button danger icon={<BellOutlined />} onClick={() => setUrging(true)} data-testid="action-urge">
              {t('requests.urge.button')}
            </Button>
          )}
        </Flex>
      </Card>

      {r.deadline.provisional && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('requests.badge.provisionalHint', { years: r.deadline.missingYears.join('、') })} />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ApplicantCard key={r.id} requestId={r.id} applicant={r.applicant} />
            <RequestInfoCard request={r} />
            <ReplyCard request={r} />
            <AttachmentsCard requestId={r.id} />
            <RequestTimeline entries={r.timeline} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <DeadlineCard deadline={r.deadline} extension={r.extension} />
            <UrgesCard requestId={r.id} />
            <LettersCard request={r} />
            <SimilarRequestsCard requestId={r.id} />
            <ReviewsCard requestId={r.id} />
          </Space>
        </Col>
      </Row>

      {urging && <UrgeModal requestId={r.id} hasHandler={r.handlerId !== null} onClose={() => setUrging(false)} />}
      {action && user && (
        <ActionModal
          key={`${action}-${r.id}`}
          request={r}
          action={action}
          currentUserId={user.id}
          onClose={() => setAction(null)}
          onReload={async () => (await detail.refetch()).data}
        />
      )}
    </>
  );
}
