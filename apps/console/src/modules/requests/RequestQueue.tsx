import { FileExcelOutlined, PlusOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Space, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RequestDto } from '@govdesk/contracts';
import { hasAnyRole } from '@govdesk/domain';
import { downloadFile } from '../../api/files';
import { useAuth } from '../../auth/auth-context';
import { ASSIGNABLE, BulkAssignModal } from './components/BulkAssignModal';
import { DeadlineBadge, ProvisionalMark } from './components/DeadlineBadge';
import { DrillFilterChips } from './components/DrillFilterChips';
import { QueueFilterBar } from './components/QueueFilterBar';
import { SavedFilters } from './components/SavedFilters';
import { StatusTag } from './components/StatusTag';
import { useRequestQueue, useUnits } from './hooks/requests-api';
import { DEFAULT_FILTERS, filtersFromSearch, LINK_PARAMS, normalise, queueQueryString, type QueueFilters } from './utils/queue-filters';

const isAssignable = (r: RequestDto) => (ASSIGNABLE as readonly string[]).includes(r.status);

/** The filters in use survive a visit to a request and back (this tab only). */
const currentFiltersKey = (username: string | undefined) => `govdesk.requests.currentFilters.${username ?? ''}`;
function initialFilters(username: string | undefined, search: URLSearchParams): QueueFilters {
  // A link from elsewhere (the supervision page's drill-down: ?unitId=…&timeliness=late…) sets the filters.
  const linked = filtersFromSearch(search);
  if (linked) {
    sessionStorage.setItem(currentFiltersKey(username), JSON.stringify(linked));
    return linked;
  }
  try {
    const raw = sessionStorage.getItem(currentFiltersKey(username));
    return raw ? normalise(JSON.parse(raw) as Partial<QueueFilters>) : DEFAULT_FILTERS;
  } catch {
    return DEFAULT_FILTERS;
  }
}

/** The queue of requests, most urgent first, with filters, saved filters and bulk assignment. */
export function RequestQueue() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const [filters, setFilters] = useState<QueueFilters>(() => initialFilters(user?.username, search));
  const [selected, setSelected] = useState<RequestDto[]>([]);
  const [assigning, setAssigning] = useState(false);
  const countyWide = !!user && hasAnyRole(user, ['supervisor', 'admin']);
  const canHandle = !!user && hasAnyRole(user, ['handler', 'supervisor']);
  const canRegister = !!user && (hasAnyRole(user, ['supervisor', 'admin']) || (user.roles.includes('handler') && !!user.unitId));
  const units = useUnits();
  const query = queueQueryString(filters, user?.id ?? '');
  const queue = useRequestQueue(query);
  const rows = useMemo(() => queue.data?.pages.flatMap((p) => p.items) ?? [], [queue.data]);

  const changeFilters = (next: QueueFilters) => {
    sessionStorage.setItem(currentFiltersKey(user?.username), JSON.stringify(next));
    setFilters(next);
    setSelected([]);
    // Once changed here, the filters are the queue's own: the link's parameters would bring the old ones back.
    if (LINK_PARAMS.some((p) => search.has(p))) {
      const rest = new URLSearchParams(search);
      LINK_PARAMS.forEach((p) => rest.delete(p));
      setSearch(rest, { replace: true });
    }
  };

  return (
    <Card
      title={t('requests.queue.title')}
      extra={
        <Space>
          <Tooltip title={t('common.reload')}>
            <Button icon={<ReloadOutlined />} aria-label={t('common.reload')} onClick={() => void queue.refetch()} />
          </Tooltip>
          <Button
            icon={<FileExcelOutlined />}
            data-testid="export-xlsx"
            onClick={() => void downloadFile(`/requests/export?${queueQueryString(filters, user?.id ?? '')}`, 'requests.xlsx').catch((e: Error) => message.error(e.message))}
          >
            {t('requests.queue.export')}
          </Button>
          {canRegister && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/requests/new')} data-testid="register-request">
              {t('workbench.register')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <QueueFilterBar value={filters} onChange={changeFilters} units={countyWide ? units.data : undefined} canFilterMine={!!user?.roles.includes('handler')} />
        <DrillFilterChips value={filters.drill} onChange={(drill) => changeFilters({ ...filters, drill })} />
        {user && <SavedFilters username={user.username} current={filters} onApply={changeFilters} />}
        {queue.isError && <Alert type="error" showIcon title={queue.error.message} />}
        {canHandle && (
          <Space>
            <Button
              icon={<TeamOutlined />}
              disabled={selected.length === 0}
              onClick={() => setAssigning(true)}
              data-testid="bulk-assign"
            >
              {t('requests.bulk.assign')}
            </Button>
            {selected.length > 0 && <Typography.Text type="secondary">{t('requests.bulk.selected', { count: selected.length })}</Typography.Text>}
          </Space>
        )}
        <Table<RequestDto>
          rowKey="id"
          size="middle"
          loading={queue.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: countyWide ? 1200 : 1040 }}
          data-testid="request-queue"
          locale={{ emptyText: <Empty description={t('requests.queue.empty')} /> }}
          rowSelection={
            canHandle
              ? {
                  selectedRowKeys: selected.map((r) => r.id),
                  onChange: (_, rows) => setSelected(rows),
                  getCheckboxProps: (r) => ({ disabled: !isAssignable(r), title: isAssignable(r) ? undefined : t('requests.bulk.notEligible') }),
                }
              : undefined
          }
          onRow={(r) => ({ 'data-request-id': r.id, 'data-receipt-no': r.receiptNo }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('requests.queue.deadline'), key: 'deadline', width: 170, render: (_, r) => <DeadlineBadge deadline={r.deadline} /> },
            {
              title: t('requests.queue.receiptNo'),
              dataIndex: 'receiptNo',
              width: 150,
              render: (no: string, r) => (
                <Link to={`/requests/${r.id}`} data-testid="queue-receipt-no">
                  {no}
                </Link>
              ),
            },
            {
              title: t('requests.queue.applicant'),
              key: 'applicant',
              render: (_, r) => (
                <Space size={4} orientation="vertical">
                  <span>{r.applicant.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`requests.applicantTypes.${r.applicant.type}`)}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('requests.queue.status'), dataIndex: 'status', width: 110, render: (_, r) => <StatusTag status={r.status} /> },
            // A handler's queue is their own unit's: the column would repeat one name.
            ...(countyWide ? [{ title: t('requests.queue.unit'), dataIndex: 'unitName', width: 140 }] : []),
            {
              title: t('requests.queue.handler'),
              dataIndex: 'handlerName',
              width: 160,
              render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('requests.queue.unassigned')}</Typography.Text>,
            },
            { title: t('requests.queue.receivedOn'), dataIndex: 'receivedOn', width: 110 },
            {
              title: t('requests.queue.dueDate'),
              key: 'due',
              width: 150,
              render: (_, r) => (
                <Space size={4}>
                  <span>{r.deadline.dueDate}</span>
                  <ProvisionalMark deadline={r.deadline} />
                </Space>
              ),
            },
          ]}
        />
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">{t('requests.queue.shown', { count: rows.length })}</Typography.Text>
          {queue.hasNextPage && (
            <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage} data-testid="queue-load-more">
              {t('requests.queue.loadMore')}
            </Button>
          )}
        </Flex>
      </Flex>
      <BulkAssignModal
        open={assigning}
        requests={selected}
        onClose={(done) => {
          setAssigning(false);
          if (done) setSelected([]);
        }}
      />
    </Card>
  );
}
