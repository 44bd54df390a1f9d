import { Card, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HotspotDetailDto } from '@govdesk/contracts';

/**
 * The hotspots merged into this one — by clustering, as a matter's first posts had started
 * them side by side, or by a monitor — each with a link to what stays of it. Shown only when
 * there are some; a wrong automatic merge is undone by splitting the mentions off.
 */
export function MergedFromCard({ hotspot }: { hotspot: HotspotDetailDto }) {
  const { t } = useTranslation();
  if (!hotspot.mergedFrom.length) return null;
  return (
    <Card size="small" title={t('hotspots.mergedFrom.title', { count: hotspot.mergedFrom.length })} data-testid="merged-from">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('hotspots.mergedFrom.help')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={hotspot.mergedFrom}
        renderItem={(m) => (
          <List.Item key={m.id}>
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
