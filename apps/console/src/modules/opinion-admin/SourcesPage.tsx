import { DeleteOutlined, EditOutlined, KeyOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceDto, SourceWithKeyDto } from '@govdesk/contracts';
import { ChannelTag } from '../hotspots/components/ChannelTags';
import { dateTime, fromNow } from '../hotspots/utils/format';
import { ApiKeyModal } from './components/ApiKeyModal';
import { SourceModal } from './components/SourceModal';
import { useDeleteSource, usePollSource, useRotateKey, useSources } from './hooks/sources-api';

const hasKey = (c: SourceWithKeyDto): c is SourceWithKeyDto & { apiKey: string } => !!c.apiKey;

/** Where mentions come from: API sources (pushing with a key) and RSS/Atom feeds (polled). */
export function SourcesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sources = useSources();
  const rotate = useRotateKey();
  const remove = useDeleteSource();
  const poll = usePollSource();
  const [editing, setEditing] = useState<SourceDto | 'new' | null>(null);
  const [shownKey, setShownKey] = useState<(SourceWithKeyDto & { apiKey: string }) | null>(null);

  const showKey = (created: SourceWithKeyDto) => {
    if (hasKey(created)) setShownKey(created);
  };
  const onRotate = (s: SourceDto) =>
    rotate.mutate(s.id, { onSuccess: showKey, onError: (e) => void message.error(e.message) });
  const onDelete = (s: SourceDto) =>
    remove.mutate(s.id, {
      onSuccess: () => void message.success(t('opinionAdmin.sources.deleted', { name: s.name })),
      onError: (e) => void message.error(e.message),
    });
  const onPoll = (s: SourceDto) =>
    poll.mutate(s.id, {
      onSuccess: (r) => void message.success(t('opinionAdmin.sources.polled', { ...r })),
      onError: (e) => void message.error(e.message),
    });

  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {t('opinionAdmin.sources.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('opinionAdmin.sources.hint')}</Typography.Paragraph>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 16 }} data-testid="source-create">
        {t('common.create')}
      </Button>
      {sources.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={sources.error.message} />}
      <Table<SourceDto>
        rowKey="id"
        size="middle"
        loading={sources.isLoading}
        dataSource={sources.data ?? []}
        pagination={false}
        scroll={{ x: 1200 }}
        data-testid="source-list"
        columns={[
          { title: t('opinionAdmin.sources.name'), dataIndex: 'name' },
          {
            title: t('opinionAdmin.sources.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (k: SourceDto['kind']) => <Tag color={k === 'rss' ? 'orange' : 'purple'}>{t(`opinionAdmin.sources.kinds.${k}`)}</Tag>,
          },
          { title: t('opinionAdmin.sources.channel'), dataIndex: 'channel', width: 130, render: (c: string) => <ChannelTag channel={c} /> },
          {
            title: t('opinionAdmin.sources.detail'),
            key: 'detail',
            render: (_, s) =>
              s.kind === 'rss' ? (
                <Space orientation="vertical" size={0}>
                  <Typography.Text copyable ellipsis style={{ maxWidth: 260 }}>
                    {s.feedUrl}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('opinionAdmin.sources.every', { count: s.pollMinutes })}
                  </Typography.Text>
                </Space>
              ) : s.keyPrefix ? (
                <Typography.Text code>{s.keyPrefix}…</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('opinionAdmin.sources.noKey')}</Typography.Text>
              ),
          },
          {
            title: t('opinionAdmin.sources.enabled'),
            dataIndex: 'enabled',
            width: 80,
            render: (on: boolean) => <Tag color={on ? 'green' : 'default'}>{on ? t('common.yes') : t('common.no')}</Tag>,
          },
          {
            title: t('opinionAdmin.sources.lastPolled'),
            key: 'polled',
            width: 180,
            render: (_, s) =>
              s.kind !== 'rss' ? (
                '—'
              ) : (
                <Space orientation="vertical" size={0}>
                  <Tooltip title={s.lastPolledAt ? dateTime(s.lastPolledAt) : undefined}>
                    <span>{s.lastPolledAt ? fromNow(s.lastPolledAt) : t('opinionAdmin.sources.never')}</span>
                  </Tooltip>
                  {s.lastError && (
                    <Typography.Text type="danger" style={{ fontSize: 12 }} ellipsis={{ tooltip: s.lastError }}>
                      {s.lastError}
                    </Typography.Text>
                  )}
                </Space>
              ),
          },
          { title: t('opinionAdmin.sources.mentions'), dataIndex: 'mentionCount', width: 90, align: 'right' },
          { title: t('opinionAdmin.sources.createdAt'), dataIndex: 'createdAt', width: 140, render: (at: string) => dateTime(at) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            fixed: 'right',
            render: (_, s) => (
              <Space size={4}>
                <Tooltip title={t('common.edit')}>
                  <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(s)} />
                </Tooltip>
                {s.kind === 'rss' && (
                  <Tooltip title={t('opinionAdmin.sources.poll')}>
                    <Button size="small" icon={<SyncOutlined />} aria-label={t('opinionAdmin.sources.poll')} loading={poll.isPending && poll.variables === s.id} onClick={() => onPoll(s)} data-testid="source-poll" />
                  </Tooltip>
                )}
                {s.kind === 'api' && (
                  <Popconfirm title={t('opinionAdmin.sources.rotateConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => onRotate(s)}>
                    <Tooltip title={t('opinionAdmin.sources.rotate')}>
                      <Button size="small" icon={<KeyOutlined />} aria-label={t('opinionAdmin.sources.rotate')} loading={rotate.isPending && rotate.variables === s.id} data-testid="source-rotate" />
                    </Tooltip>
                  </Popconfirm>
                )}
                <Popconfirm
                  title={t('opinionAdmin.sources.deleteConfirm', { name: s.name })}
                  description={t('opinionAdmin.sources.deleteHint')}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onDelete(s)}
                >
                  <Tooltip title={t('common.delete')}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="source-delete" />
                  </Tooltip>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && <SourceModal source={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onCreated={showKey} />}
      {shownKey && <ApiKeyModal created={shownKey} onClose={() => setShownKey(null)} />}
    </>
  );
}
