import { ImportOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Space, Table, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { HotspotSummaryDto } from '@govdesk/contracts';
import { hasAnyRole } from '@govdesk/domain';
import { useAuth } from '../../auth/auth-context';
import { ChannelTags } from './components/ChannelTags';
import { Growth, HotspotStatusTag, NegativeShare, SeenAt } from './components/Figures';
import { HotspotFilterBar } from './components/HotspotFilterBar';
import { LevelTag } from './components/LevelTag';
import { useHotspotList } from './hooks/hotspots-api';
import { decimal } from './utils/format';
import { filtersFromSearch, hotspotQueryString, PAGE_SIZES, searchFromFilters, type HotspotFilters } from './utils/list-filters';

/** Public-opinion hotspots, hottest first, refreshed every 15 seconds. */
export function HotspotsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const list = useHotspotList(hotspotQueryString(filters));
  const canImport = !!user && hasAnyRole(user, ['monitor', 'admin']);
  const change = (next: HotspotFilters) => setSearch(searchFromFilters(next), { replace: true });

  return (
    <>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t('hotspots.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('hotspots.refreshHint')}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Space>
          <Tooltip title={t('common.reload')}>
            <Button icon={<ReloadOutlined />} aria-label={t('common.reload')} loading={list.isFetching} onClick={() => void list.refetch()} />
          </Tooltip>
          {canImport && (
            <Button icon={<ImportOutlined />} onClick={() => void navigate('/hotspots/import')} data-testid="hotspots-import">
              {t('hotspots.import')}
            </Button>
          )}
        </Space>
      </Flex>
      <Card>
        <Flex vertical gap={12}>
          <HotspotFilterBar value={filters} onChange={change} />
          {list.isError && <Alert type="error" showIcon title={list.error.message} />}
          <Table<HotspotSummaryDto>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1250 }}
            data-testid="hotspot-list"
            locale={{ emptyText: <Empty description={t('hotspots.empty')}><Typography.Text type="secondary">{t('hotspots.hint')}</Typography.Text></Empty> }}
            onRow={(h) => ({ 'data-hotspot-id': h.id }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: filters.page,
              pageSize: filters.size,
              total: list.data?.total ?? 0,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              showTotal: (total) => t('hotspots.total', { count: total }),
              onChange: (page, size) => change({ ...filters, page: size === filters.size ? page : 1, size }),
            }}
            columns={[
              {
                title: t('hotspots.columns.level'),
                key: 'level',
                width: 120,
                render: (_, h) => <LevelTag level={h.level} manual={h.levelManual} reason={h.levelReason} />,
              },
              {
                title: t('hotspots.columns.title'),
                key: 'title',
                render: (_, h) => (
                  <Space orientation="vertical" size={2}>
                    <Link to={`/hotspots/${h.id}`} data-testid="hotspot-title">
                      {h.title}
                    </Link>
                    <Space size={4} wrap>
                      {h.status !== 'open' && <HotspotStatusTag status={h.status} />}
                      {h.unitName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hotspots.columns.unit')}：{h.unitName}</Typography.Text>}
                    </Space>
                  </Space>
                ),
              },
              { title: t('hotspots.columns.heat'), dataIndex: 'heat', width: 80, align: 'right', render: (heat: number) => <Typography.Text strong>{decimal(heat)}</Typography.Text> },
              { title: t('hotspots.columns.growth'), dataIndex: 'growth', width: 90, align: 'right', render: (g: number) => <Growth growth={g} /> },
              {
                title: t('hotspots.columns.mentions'),
                key: 'mentions',
                width: 100,
                align: 'right',
                render: (_, h) => (
                  <span>
                    {h.mentionCount}
                    {h.duplicateCount > 0 && (
                      <Tooltip title={t('hotspots.duplicates', { count: h.duplicateCount })}>
                        <Typography.Text type="secondary"> +{h.duplicateCount}</Typography.Text>
                      </Tooltip>
                    )}
                  </span>
                ),
              },
              { title: t('hotspots.columns.authors'), dataIndex: 'authorCount', width: 80, align: 'right' },
              { title: t('hotspots.columns.negativeShare'), dataIndex: 'negativeShare', width: 125, render: (s: number) => <NegativeShare share={s} /> },
              { title: t('hotspots.columns.channels'), key: 'channels', width: 200, render: (_, h) => <ChannelTags channels={h.channels} max={2} /> },
              {
                title: t('hotspots.columns.places'),
                dataIndex: 'places',
                width: 130,
                render: (places: string[]) => (places.length ? places.slice(0, 3).join('、') + (places.length > 3 ? '…' : '') : '—'),
              },
              { title: t('hotspots.columns.lastSeen'), dataIndex: 'lastSeenAt', width: 140, render: (at: string) => <SeenAt at={at} /> },
            ]}
          />
        </Flex>
      </Card>
    </>
  );
}
