import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '@govdesk/contracts';
import { api } from '../../api/client';

export function AuditPage() {
  const { t } = useTranslation();
  const entries = useQuery({ queryKey: ['audit'], queryFn: () => api<AuditEntryDto[]>('/audit?limit=200') });
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('audit.title')}</Typography.Title>
      <Table<AuditEntryDto>
        rowKey="id"
        size="small"
        loading={entries.isLoading}
        dataSource={entries.data ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('audit.actor'), dataIndex: 'actorName' },
          { title: t('audit.action'), dataIndex: 'action' },
          { title: t('audit.entity'), key: 'entity', render: (_, e) => `${e.entityType}${e.entityId ? ` ${e.entityId.slice(0, 8)}` : ''}` },
          { title: t('audit.ip'), dataIndex: 'ip' },
        ]}
      />
    </>
  );
}
