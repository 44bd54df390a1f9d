import { Card, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HotspotDetailDto } from '@govdesk/contracts';
import { ChannelTags } from './ChannelTags';

const WORD_COLOURS = ['#1677ff', '#13a8a8', '#722ed1', '#d4380d', '#389e0d', '#c41d7f'];

/** Keywords sized by weight (no word-cloud library: spans from 12 to 28 px). */
export function KeywordCloud({ keywords }: { keywords: HotspotDetailDto['keywords'] }) {
  const { t } = useTranslation();
  if (keywords.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />;
  const max = Math.max(...keywords.map((k) => k.weight));
  const min = Math.min(...keywords.map((k) => k.weight));
  const size = (w: number) => (max === min ? 18 : 12 + Math.round(((w - min) / (max - min)) * 16));
  return (
    <Flex wrap gap="4px 12px" align="baseline" data-testid="keyword-cloud">
      {keywords.slice(0, 40).map((k, i) => (
        <span key={k.word} title={String(Math.round(k.weight * 1000) / 1000)} style={{ fontSize: size(k.weight), color: WORD_COLOURS[i % WORD_COLOURS.length], lineHeight: 1.4 }}>
          {k.word}
        </span>
      ))}
    </Flex>
  );
}

interface Props {
  hotspot: HotspotDetailDto;
  /** Names of sensitive-word categories by code, when the reader may see the settings. */
  flagNames: Map<string, string>;
}

/** Keywords, channels, places and sensitive-word flags of a hotspot. */
export function HotspotFacets({ hotspot, flagNames }: Props) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('hotspots.detail.keywords')}>
        <KeywordCloud keywords={hotspot.keywords} />
      </Card>
      <Card size="small" title={t('hotspots.detail.channels')}>
        {Object.keys(hotspot.channels).length ? <ChannelTags channels={hotspot.channels} /> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
      </Card>
      <Card size="small" title={t('hotspots.detail.places')}>
        {hotspot.places.length ? (
          hotspot.places.map((p) => (
            <Tag key={p} style={{ marginBottom: 4 }}>
              {p}
            </Tag>
          ))
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('hotspots.detail.flags')} data-testid="hotspot-flags">
        {hotspot.flags.length ? (
          hotspot.flags.map((f) => (
            <Tag key={f} color="red" style={{ marginBottom: 4 }}>
              {flagNames.get(f) ?? f}
            </Tag>
          ))
        ) : (
          <Typography.Text type="secondary">{t('hotspots.detail.noFlags')}</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
