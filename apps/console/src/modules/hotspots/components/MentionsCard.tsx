import { ScissorOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { HotspotDetailDto, MentionDto } from '@govdesk/contracts';
import { useMoreMentions, useSplit } from '../hooks/hotspots-api';
import { dateTime } from '../utils/format';
import { ChannelTag } from './ChannelTags';
import { SentimentTag } from './Figures';
import { MentionText } from './MentionText';

interface Props {
  hotspot: HotspotDetailDto;
  /** Monitors and admins may split selected mentions into a new hotspot. */
  canEdit: boolean;
  flagNames: Map<string, string>;
}

/** The hotspot's mentions, newest first; more pages on demand; selected ones split off into a new hotspot. */
export function MentionsCard({ hotspot, canEdit, flagNames }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [wantMore, setWantMore] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const more = useMoreMentions(hotspot.id, hotspot.mentions.length, wantMore);
  const split = useSplit(hotspot.id);
  const rows = useMemo(() => {
    const extra = more.data?.pages.flat() ?? [];
    const seen = new Set(hotspot.mentions.map((m) => m.id));
    return [...hotspot.mentions, ...extra.filter((m) => !seen.has(m.id))];
  }, [hotspot.mentions, more.data]);
  const hasMore = wantMore ? more.hasNextPage : hotspot.mentions.length < hotspot.mentionCount;
  const editable = canEdit && hotspot.status !== 'merged';

  const confirmSplit = () => {
    if (selected.length >= hotspot.mentionCount) {
      void message.warning(t('hotspots.mentions.splitAll'));
      return;
    }
    modal.confirm({
      title: t('hotspots.mentions.splitTitle'),
      content: t('hotspots.mentions.splitConfirm', { count: selected.length }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const created = await split.mutateAsync(selected);
          setSelected([]);
          void message.success(t('hotspots.mentions.splitDone'));
          void navigate(`/hotspots/${created.id}`);
        } catch (e) {
          void message.error((e as Error).message);
        }
      },
    });
  };

  return (
    <Card
      size="small"
      title={t('hotspots.mentions.title')}
      data-testid="mentions-card"
      extra={
        editable && (
          <Space>
            {selected.length > 0 && <Typography.Text type="secondary">{t('hotspots.mentions.selected', { count: selected.length })}</Typography.Text>}
            <Button icon={<ScissorOutlined />} disabled={selected.length === 0} loading={split.isPending} onClick={confirmSplit} data-testid="mentions-split">
              {t('hotspots.mentions.split')}
            </Button>
          </Space>
        )
      }
    >
      <Table<MentionDto>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        rowSelection={editable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), preserveSelectedRowKeys: true } : undefined}
        columns={[
          { title: t('hotspots.mentions.channel'), dataIndex: 'channel', width: 120, render: (c: string) => <ChannelTag channel={c} /> },
          {
            title: t('hotspots.mentions.author'),
            key: 'author',
            width: 130,
            render: (_, m) => m.author ?? <Typography.Text type="secondary">{t('hotspots.mentions.anonymous')}</Typography.Text>,
          },
          { title: t('hotspots.mentions.publishedAt'), dataIndex: 'publishedAt', width: 140, render: (at: string) => dateTime(at) },
          { title: t('hotspots.mentions.sentiment'), key: 'sentiment', width: 110, render: (_, m) => <SentimentTag label={m.sentiment.label} score={m.sentiment.score} /> },
          {
            title: t('hotspots.mentions.content'),
            key: 'content',
            render: (_, m) => (
              <>
                <MentionText mention={m} />
                <Space size={4} wrap style={{ marginTop: 4 }}>
                  {m.duplicateCount > 0 && <Tag>{t('hotspots.mentions.duplicates', { count: m.duplicateCount })}</Tag>}
                  {(m.place ? [m.place] : m.places).slice(0, 3).map((p) => (
                    <Tag key={p} bordered={false}>
                      {p}
                    </Tag>
                  ))}
                  {m.flags.map((f) => (
                    <Tag key={f} color="red" bordered={false}>
                      {flagNames.get(f) ?? f}
                    </Tag>
                  ))}
                </Space>
              </>
            ),
          },
        ]}
      />
      {more.isError && <Alert type="error" showIcon title={more.error.message} style={{ marginTop: 8 }} />}
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('hotspots.mentions.loaded', { loaded: rows.length, total: hotspot.mentionCount })}</Typography.Text>
        {hasMore && (
          <Button
            loading={more.isFetching}
            onClick={() => (wantMore ? void more.fetchNextPage() : setWantMore(true))}
            data-testid="mentions-load-more"
          >
            {t('hotspots.mentions.loadMore')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
