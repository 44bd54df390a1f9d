import { ArrowUpOutlined } from '@ant-design/icons';
import { Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HotspotStatus, SentimentLabel } from '@govdesk/contracts';
import { dateTime, decimal, fromNow, percent, RISING_GROWTH } from '../utils/format';

/** Growth: red with an arrow when the current rate is well above the usual one. */
export function Growth({ growth }: { growth: number }) {
  const { t } = useTranslation();
  const rising = growth > RISING_GROWTH;
  return (
    <Tooltip title={t('hotspots.growthHint', { growth: decimal(growth, 2) })}>
      <Typography.Text type={rising ? 'danger' : 'secondary'} strong={rising} data-rising={rising}>
        {rising && <ArrowUpOutlined />} ×{decimal(growth, 1)}
      </Typography.Text>
    </Tooltip>
  );
}

export function NegativeShare({ share }: { share: number }) {
  return (
    <Tooltip title={percent(share)}>
      <Progress
        percent={Math.round(share * 100)}
        size="small"
        status="normal"
        strokeColor={share >= 0.5 ? '#cf1322' : share >= 0.3 ? '#fa8c16' : '#52c41a'}
        style={{ width: 110, margin: 0 }}
      />
    </Tooltip>
  );
}

/** "3 小时前" with the date and time underneath. */
export function SeenAt({ at }: { at: string }) {
  return (
    <span>
      <div>{fromNow(at)}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {dateTime(at)}
      </Typography.Text>
    </span>
  );
}

const STATUS_COLOURS: Record<HotspotStatus, string> = { open: 'processing', closed: 'success', merged: 'default' };

export function HotspotStatusTag({ status }: { status: HotspotStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-status={status}>
      {t(`hotspots.statuses.${status}`)}
    </Tag>
  );
}

const SENTIMENT_COLOURS: Record<SentimentLabel, string> = { negative: 'red', neutral: 'default', positive: 'green' };

export function SentimentTag({ label, score }: { label: SentimentLabel; score: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={SENTIMENT_COLOURS[label]} data-sentiment={label}>
      {t(`hotspots.sentiments.${label}`)} {score > 0 ? '+' : ''}
      {decimal(score, 2)}
    </Tag>
  );
}
