import { Alert, Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Growth } from '../../hotspots/components/Figures';
import { LevelTag } from '../../hotspots/components/LevelTag';
import { decimal } from '../../hotspots/utils/format';
import { useBoardHotspots } from '../hooks/alerts-api';
import { useFlip } from '../hooks/useFlip';

/** The hottest open hotspots; rows slide into their new places as `hotspot.updated` events arrive. */
export function HotspotHeatPane() {
  const { t } = useTranslation();
  const hotspots = useBoardHotspots();
  const items = hotspots.data ?? [];
  const listRef = useFlip<HTMLDivElement>(items.map((h) => `${h.id}:${h.heat}`).join('|'));

  return (
    <Card
      title={
        <Flex align="baseline" gap={8}>
          {t('alerts.heat.title')}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('alerts.heat.hint')}
          </Typography.Text>
        </Flex>
      }
      styles={{ body: { padding: 8 } }}
    >
      {hotspots.isError && <Alert type="error" showIcon title={hotspots.error.message} />}
      {hotspots.isLoading ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty description={t('alerts.heat.empty')} />
      ) : null}
      <div ref={listRef} style={{ position: 'relative' }} data-testid="board-hotspots">
        {items.map((h, i) => (
          <div
            key={h.id}
            data-flip-key={h.id}
            data-flip-version={h.heat}
            data-testid="board-hotspot"
            data-hotspot-id={h.id}
            data-heat={h.heat}
            style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '8px 8px', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
          >
            <Typography.Text type="secondary" style={{ width: 22, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
              {i + 1}
            </Typography.Text>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Flex align="center" gap={6}>
                <LevelTag level={h.level} />
                <Link to={`/hotspots/${h.id}`} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={h.title}>
                  {h.title}
                </Link>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('alerts.heat.mentions', { mentions: h.mentionCount, authors: h.authorCount })}
              </Typography.Text>
            </div>
            <Flex vertical align="end" style={{ minWidth: 64 }}>
              <Typography.Text strong style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }}>
                {decimal(h.heat)}
              </Typography.Text>
              <Growth growth={h.growth} />
            </Flex>
          </div>
        ))}
      </div>
    </Card>
  );
}
