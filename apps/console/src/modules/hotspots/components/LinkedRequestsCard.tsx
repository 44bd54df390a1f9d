import { DisconnectOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HotspotDetailDto } from '@govdesk/contracts';
import { hasAnyRole, REQUEST_STATUSES, type RequestStatus } from '@govdesk/domain';
import { useAuth } from '../../../auth/auth-context';
import { StatusTag } from '../../requests/components/StatusTag';
import { useDebouncedValue } from '../../requests/hooks/useDebouncedValue';
import { useLinkRequest, useRequestSearch, useUnlinkRequest } from '../hooks/hotspots-api';

type LinkedRequest = HotspotDetailDto['requests'][number];

const isRequestStatus = (s: string): s is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(s);

/** Disclosure requests about the same matter: listed for everyone, linked and unlinked by monitors. */
export function LinkedRequestsCard({ hotspot, canEdit }: { hotspot: HotspotDetailDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const found = useRequestSearch(canEdit ? q : '');
  const link = useLinkRequest(hotspot.id);
  const unlink = useUnlinkRequest(hotspot.id);
  // The request page is open to handlers, supervisors and admins (not to monitors).
  const canOpenRequests = !!user && hasAnyRole(user, ['handler', 'supervisor', 'admin']);
  const linked = new Set(hotspot.requests.map((r) => r.id));

  const doLink = (requestId: string) => {
    const receiptNo = found.data?.items.find((r) => r.id === requestId)?.receiptNo ?? '';
    link.mutate(requestId, {
      onSuccess: () => {
        setSearch('');
        void message.success(t('hotspots.requests.linked', { receiptNo }));
      },
      onError: (e) => void message.error(e.message),
    });
  };
  const doUnlink = (r: LinkedRequest) =>
    unlink.mutate(r.id, {
      onSuccess: () => void message.success(t('hotspots.requests.unlinked', { receiptNo: r.receiptNo })),
      onError: (e) => void message.error(e.message),
    });

  const notFound = found.isError ? found.error.message : q.trim().length < 2 ? t('hotspots.requests.searchHint') : undefined;

  return (
    <Card size="small" title={t('hotspots.requests.title')} data-testid="linked-requests">
      {canEdit && hotspot.status !== 'merged' && (
        <Select<string | null>
          value={null}
          showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
          onChange={(id) => id && doLink(id)}
          placeholder={t('hotspots.requests.search')}
          loading={found.isFetching || link.isPending}
          notFoundContent={notFound}
          style={{ width: '100%', marginBottom: 12 }}
          aria-label={t('hotspots.requests.search')}
          options={(found.data?.items ?? []).map((r) => ({
            value: r.id,
            disabled: linked.has(r.id),
            label: `${r.receiptNo} · ${r.applicant.name} · ${t(`requests.status.${r.status}`)}`,
          }))}
          data-testid="link-request"
        />
      )}
      <Table<LinkedRequest>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={hotspot.requests}
        locale={{ emptyText: t('hotspots.requests.empty') }}
        columns={[
          {
            title: t('hotspots.requests.receiptNo'),
            dataIndex: 'receiptNo',
            width: 150,
            render: (no: string, r) => (canOpenRequests ? <Link to={`/requests/${r.id}`}>{no}</Link> : <Typography.Text copyable>{no}</Typography.Text>),
          },
          { title: t('hotspots.requests.subject'), dataIndex: 'subject', ellipsis: true },
          {
            title: t('hotspots.requests.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: string) => (isRequestStatus(s) ? <StatusTag status={s} /> : <Tag>{s}</Tag>),
          },
          ...(canEdit
            ? [
                {
                  key: 'unlink',
                  width: 60,
                  render: (_: unknown, r: LinkedRequest) => (
                    <Popconfirm title={t('hotspots.requests.unlinkConfirm', { receiptNo: r.receiptNo })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => doUnlink(r)}>
                      <Button size="small" type="text" danger icon={<DisconnectOutlined />} aria-label={t('hotspots.requests.unlink')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
