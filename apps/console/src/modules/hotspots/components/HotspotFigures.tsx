import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { HotspotDetailDto } from '@govdesk/contracts';
import { responseLimitsFor } from '@govdesk/domain';
import { dateTime, decimal, fromNow, percent, RISING_GROWTH, useLocalLabels } from '../utils/format';

/** The hotspot's figures as statistic cards. */
export function HotspotFigures({ hotspot: h }: { hotspot: HotspotDetailDto }) {
  const { t } = useTranslation();
  const danger = { content: { color: '#cf1322' } };
  const cards = [
    { key: 'heat', value: decimal(h.heat) },
    { key: 'growth', value: `×${decimal(h.growth, 2)}`, styles: h.growth > RISING_GROWTH ? danger : undefined },
    { key: 'mentions', value: h.mentionCount, suffix: h.duplicateCount > 0 ? <Typography.Text type="secondary" style={{ fontSize: 14 }}>{t('hotspots.duplicates', { count: h.duplicateCount })}</Typography.Text> : undefined },
    { key: 'authors', value: h.authorCount },
    { key: 'negativeShare', value: percent(h.negativeShare), styles: h.negativeShare >= 0.5 ? danger : undefined },
    { key: 'reach', value: h.reach },
    { key: 'firstSeen', value: fromNow(h.firstSeenAt), title: dateTime(h.firstSeenAt) },
    { key: 'lastSeen', value: fromNow(h.lastSeenAt), title: dateTime(h.lastSeenAt) },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="hotspot-figures">
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={6} xxl={3}>
          <Card size="small" data-testid={`hotspot-figure-${c.key}`}>
            <Statistic title={t(`hotspots.detail.figures.${c.key}`)} value={c.value} suffix={c.suffix} styles={c.styles} />
            {c.title && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.title}</Typography.Text>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The response limits of the hotspot's level (5 h / 24 h for I–II, 48 h otherwise), counted from its first mention. */
export function ResponseLimits({ hotspot: h }: { hotspot: HotspotDetailDto }) {
  const { t } = useTranslation();
  const labels = useLocalLabels();
  if (h.level === null) return null;
  return (
    <Space size={[16, 4]} wrap data-testid="response-limits">
      <Typography.Text type="secondary">{t('hotspots.detail.responseLimits')}</Typography.Text>
      {responseLimitsFor(h.level).map((limit) => {
        const due = dayjs(h.firstSeenAt).add(limit.hours, 'hour');
        const late = h.status === 'open' && dayjs().isAfter(due);
        return (
          <span key={limit.code}>
            {t('hotspots.detail.responseDue', { label: labels.local(limit), due: due.format('MM-DD HH:mm'), hours: limit.hours })}
            {late && (
              <Tag color="red" style={{ marginInlineStart: 6 }}>
                {t('hotspots.detail.overdue')}
              </Tag>
            )}
          </span>
        );
      })}
    </Space>
  );
}
