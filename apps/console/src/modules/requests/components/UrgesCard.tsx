import { Card, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUrges } from '../hooks/request-extras-api';
import { formatDateTime } from '../utils/dates';

/** The urging history with each recipient's read receipt. */
export function UrgesCard({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const urges = useUrges(requestId);
  if (!urges.isLoading && (urges.data?.length ?? 0) === 0) return null;
  return (
    <Card size="small" title={t('requests.urge.history')} loading={urges.isLoading} data-testid="urges-card">
      <List
        size="small"
        dataSource={urges.data ?? []}
        renderItem={(u) => (
          <List.Item data-testid="urge-item">
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap size={8}>
                <Tag color="volcano">{t(`requests.urge.targets.${u.target}`)}</Tag>
                <Typography.Text strong>{u.urgedBy}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(u.urgedAt)}</Typography.Text>
              </Space>
              <div style={{ whiteSpace: 'pre-wrap' }}>{u.message}</div>
              <Space wrap size={4}>
                {u.recipients.map((r) =>
                  r.readAt ? (
                    <Tooltip key={r.userId} title={t('requests.urge.readAt', { date: formatDateTime(r.readAt) })}>
                      <Tag color="green" data-testid="urge-read">
                        {r.displayName} · {t('requests.urge.read')}
                      </Tag>
                    </Tooltip>
                  ) : (
                    <Tag key={r.userId} data-testid="urge-unread">
                      {r.displayName} · {t('requests.urge.unread')}
                    </Tag>
                  ),
                )}
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
