import { Alert, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LikelyDuplicate } from '../hooks/useDuplicates';
import { DeadlineBadge } from './DeadlineBadge';
import { StatusTag } from './StatusTag';

/** Warns that the applicant already has open requests, each opening in a new tab. */
export function DuplicateWarning({ duplicates }: { duplicates: LikelyDuplicate[] }) {
  const { t } = useTranslation();
  if (duplicates.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      title={t('requests.register.duplicatesTitle', { count: duplicates.length })}
      description={
        <>
          <div>{t('requests.register.duplicatesHint')}</div>
          <List
            size="small"
            dataSource={duplicates}
            renderItem={({ request: r, sameId }) => (
              <List.Item>
                <Space wrap size={8}>
                  <a href={`/requests/${r.id}`} target="_blank" rel="noreferrer">
                    {r.receiptNo}
                  </a>
                  <StatusTag status={r.status} />
                  <span>{r.receivedOn}</span>
                  <DeadlineBadge deadline={r.deadline} />
                  {sameId && <Tag color="red">{t('requests.register.sameId')}</Tag>}
                  <span style={{ color: 'rgba(0,0,0,0.45)' }}>{r.description.slice(0, 40)}</span>
                </Space>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}
