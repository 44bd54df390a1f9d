import { Alert, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SimilarRequestsDto } from '@govdesk/contracts';
import { StatusTag } from './StatusTag';

/** Warns, while registering, that the unit already has requests for much the same information. */
export function SimilarWarning({ similar }: { similar: SimilarRequestsDto | null }) {
  const { t } = useTranslation();
  if (!similar || similar.items.length === 0) return null;
  return (
    <Alert
      type={similar.suggestProactiveDisclosure ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="similar-warning"
      title={t('requests.similar.registerTitle', { count: similar.items.length })}
      description={
        <>
          <div>{similar.suggestProactiveDisclosure ? t('requests.similar.proactiveHint') : t('requests.similar.registerHint')}</div>
          <List
            size="small"
            dataSource={similar.items.slice(0, 5)}
            renderItem={(s) => (
              <List.Item>
                <Space wrap size={8}>
                  <a href={`/requests/${s.id}`} target="_blank" rel="noreferrer">
                    {s.receiptNo}
                  </a>
                  <StatusTag status={s.status} />
                  <span>{s.receivedOn}</span>
                  <span>{Math.round(s.similarity * 100)}%</span>
                  <Typography.Text type="secondary">{s.description.slice(0, 40)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}
