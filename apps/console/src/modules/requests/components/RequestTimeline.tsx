import { Card, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntryDto } from '@govdesk/contracts';
import { formatDateTime } from '../utils/dates';

/** Keys whose values are codes with their own labels. */
const CODE_LABELS: Record<string, string[]> = {
  replyType: ['requests.replyTypes'],
  reasonCode: ['requests.reasonCodes', 'requests.abandonReasons'],
  party: ['requests.parties'],
  deliveryMethod: ['requests.deliveries'],
  channel: ['requests.channels'],
  fields: ['requests.fieldNames'],
  recipients: ['requests.urge.targets'],
  target: ['requests.urge.targets'],
  direction: ['requests.attachments.directions'],
};
const HIDDEN_KEYS = new Set(['version', 'handlerId', 'at', 'action', 'urgeId', 'attachmentId', 'sha256', 'submissionId']);

function useDetailText() {
  const { t, i18n } = useTranslation();
  const one = (key: string, value: unknown): string => {
    if (typeof value === 'string' && CODE_LABELS[key]) {
      const ns = CODE_LABELS[key].find((n) => i18n.exists(`${n}.${value}`));
      if (ns) return t(`${ns}.${value}`);
    }
    if (value === null || value === undefined) return '—';
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
  const separator = i18n.language === 'en' ? '; ' : '；';
  return (key: string, value: unknown): string => (Array.isArray(value) ? value.map((v) => one(key, v)).join(separator) : one(key, value));
}

/** What happened to the request, oldest first, with the event's own date and its details. */
export function RequestTimeline({ entries }: { entries: TimelineEntryDto[] }) {
  const { t, i18n } = useTranslation();
  const text = useDetailText();
  const colon = i18n.language === 'en' ? ': ' : '：';
  return (
    <Card size="small" title={t('requests.detail.timeline')}>
      <Timeline
        data-testid="request-timeline"
        items={entries.map((e) => {
          const details = Object.entries(e.details ?? {}).filter(([k, v]) => !HIDDEN_KEYS.has(k) && v !== null && v !== undefined && v !== '');
          return {
            key: e.id,
            color: e.action === 'reveal' ? 'gray' : 'blue',
            content: (
              <Flex vertical gap={4} data-testid="timeline-entry" data-action={e.action}>
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{t(`requests.actions.${e.action}`)}</Typography.Text>
                  <Typography.Text type="secondary">{e.actorName}</Typography.Text>
                  {e.fromStatus && e.fromStatus !== e.toStatus && (
                    <Tag>
                      {t('requests.detail.statusChange', { from: t(`requests.status.${e.fromStatus}`), to: t(`requests.status.${e.toStatus}`) })}
                    </Tag>
                  )}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)}
                  {e.eventDate !== formatDateTime(e.at).slice(0, 10) && <> · {t('requests.detail.eventDate', { date: e.eventDate })}</>}
                </Typography.Text>
                {details.map(([k, v]) => (
                  <Typography.Text key={k} style={{ fontSize: 13 }}>
                    <Typography.Text type="secondary">{t(`requests.details.${k}`, { defaultValue: k })}{colon}</Typography.Text>
                    {text(k, v)}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          };
        })}
      />
    </Card>
  );
}
