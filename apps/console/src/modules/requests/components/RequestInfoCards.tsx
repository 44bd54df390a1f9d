import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestDetailDto } from '@govdesk/contracts';
import { formatDateTime } from '../utils/dates';

/** What was asked, how and when it arrived, who handles it. */
export function RequestInfoCard({ request: r }: { request: RequestDetailDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('requests.detail.request')}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          ...(r.title ? [{ key: 'title', label: t('requests.detail.title'), span: 'filled' as const, children: r.title }] : []),
          {
            key: 'description',
            label: t('requests.detail.description'),
            span: 'filled' as const,
            children: (
              <div style={{ whiteSpace: 'pre-wrap' }} data-testid="request-description">
                {r.description}
              </div>
            ),
          },
          { key: 'channel', label: t('requests.detail.channel'), children: t(`requests.channels.${r.channel}`) },
          { key: 'received', label: t('requests.detail.receivedOn'), children: <span title={formatDateTime(r.receivedAt)}>{r.receivedOn}</span> },
          { key: 'medium', label: t('requests.detail.medium'), children: t(`requests.media.${r.form.medium}`) },
          { key: 'delivery', label: t('requests.detail.delivery'), children: t(`requests.deliveries.${r.form.delivery}`) },
          { key: 'unit', label: t('requests.detail.unit'), children: r.unitName },
          {
            key: 'handler',
            label: t('requests.detail.handler'),
            children: r.handlerName ?? <Tag>{t('requests.queue.unassigned')}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

/** The reply as drafted, approved and sent. */
export function ReplyCard({ request: r }: { request: RequestDetailDto }) {
  const { t } = useTranslation();
  const reply = r.reply;
  if (!reply) return null;
  return (
    <Card size="small" title={t('requests.detail.reply')} data-testid="reply-card">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'type', label: t('requests.detail.replyType'), children: t(`requests.replyTypes.${reply.replyType}`) },
          {
            key: 'approval',
            label: t('requests.detail.approval'),
            children: reply.approvedAt ? (
              <Tag color="green" data-testid="reply-approved">
                {t('requests.detail.approvedBy', { name: reply.approvedBy ?? '', date: formatDateTime(reply.approvedAt) })}
              </Tag>
            ) : (
              <Tag color="orange">{t('requests.detail.notApproved')}</Tag>
            ),
          },
          ...(reply.reasonCode
            ? [{ key: 'reason', label: t('requests.detail.reasonCode'), children: t(`requests.reasonCodes.${reply.reasonCode}`, { defaultValue: reply.reasonCode }) }]
            : []),
          { key: 'basis', label: t('requests.detail.legalBasis'), span: 'filled' as const, children: reply.legalBasis },
          ...(reply.body
            ? [{ key: 'body', label: t('requests.detail.body'), span: 'filled' as const, children: <div style={{ whiteSpace: 'pre-wrap' }}>{reply.body}</div> }]
            : []),
          ...(reply.sentOn ? [{ key: 'sent', label: t('requests.detail.sentOn'), children: reply.sentOn }] : []),
          ...(reply.deliveryMethod
            ? [{ key: 'delivery', label: t('requests.detail.deliveryMethod'), children: t(`requests.deliveries.${reply.deliveryMethod}`, { defaultValue: reply.deliveryMethod }) }]
            : []),
        ]}
      />
    </Card>
  );
}
