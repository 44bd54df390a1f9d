import { App, Button, Card, List, Popconfirm, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HotspotDetailDto } from '@govdesk/contracts';
import { useUnmerge } from '../hooks/hotspots-api';

/**
 * The hotspots merged into this one — by clustering, as a matter's first posts had started
 * them side by side, or by a monitor — each with a link to what stays of it and, for monitors,
 * a way to undo the merge (its mentions go back, and clustering keeps the two apart from then
 * on). Shown only when there are some.
 */
export function MergedFromCard({ hotspot, canEdit }: { hotspot: HotspotDetailDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const unmerge = useUnmerge(hotspot.id);
  if (!hotspot.mergedFrom.length) return null;
  const undo = (id: string) =>
    unmerge.mutate(id, {
      onSuccess: () => void message.success(t('hotspots.mergedFrom.undone')),
      onError: (e) => void message.error(e.message),
    });
  return (
    <Card size="small" title={t('hotspots.mergedFrom.title', { count: hotspot.mergedFrom.length })} data-testid="merged-from">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('hotspots.mergedFrom.help')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={hotspot.mergedFrom}
        renderItem={(m) => (
          <List.Item
            key={m.id}
            actions={
              canEdit && hotspot.status === 'open'
                ? [
                    <Popconfirm key="undo" title={t('hotspots.mergedFrom.confirm')} okText={t('hotspots.mergedFrom.undo')} onConfirm={() => undo(m.id)}>
                      <Button size="small" loading={unmerge.isPending && unmerge.variables === m.id} data-testid={`unmerge-${m.id}`}>
                        {t('hotspots.mergedFrom.undo')}
                      </Button>
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <Link to={`/hotspots/${m.id}`}>{m.title}</Link>
            <span>
              <Tag color={m.automatic ? 'blue' : 'default'}>{m.automatic ? t('hotspots.mergedFrom.automatic') : t('hotspots.mergedFrom.manual')}</Tag>
              <Typography.Text type="secondary">{dayjs(m.mergedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
