import { Alert, Card, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSimilarRequests } from '../hooks/request-extras-api';
import { StatusTag } from './StatusTag';

/** Earlier requests for much the same information; three applicants or more suggest proactive disclosure (Art. 44). */
export function SimilarRequestsCard({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const similar = useSimilarRequests(requestId);
  const data = similar.data;
  return (
    <Card size="small" title={t('requests.similar.title')} loading={similar.isLoading} data-testid="similar-card">
      {similar.isError && <Alert type="error" showIcon title={similar.error.message} />}
      {data?.suggestProactiveDisclosure && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="proactive-disclosure-alert"
          title={t('requests.similar.proactiveTitle', { count: data.distinctApplicants })}
          description={t('requests.similar.proactiveHint')}
        />
      )}
      {data && (
        <List
          size="small"
          dataSource={data.items}
          locale={{ emptyText: t('requests.similar.empty') }}
          renderItem={(s) => (
            <List.Item data-testid="similar-item">
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={8}>
                  <Link to={`/requests/${s.id}`}>{s.receiptNo}</Link>
                  <StatusTag status={s.status} />
                  <Typography.Text type="secondary">{s.receivedOn}</Typography.Text>
                  <span>{s.applicantName}</span>
                  {s.replyType && <Tag>{t(`requests.replyTypes.${s.replyType}`)}</Tag>}
                  <Progress
                    percent={Math.round(s.similarity * 100)}
                    size="small"
                    style={{ width: 100, margin: 0 }}
                    aria-label={t('requests.similar.similarity')}
                  />
                </Space>
                <Typography.Text type="secondary" ellipsis={{ tooltip: s.description }} style={{ maxWidth: '100%' }}>
                  {s.description}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
