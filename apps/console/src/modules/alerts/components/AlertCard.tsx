import { Card, Descriptions, Flex, Space, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlertDto } from '@govdesk/contracts';
import { LEVEL_LABELS } from '@govdesk/domain';
import { LevelTag } from '../../hotspots/components/LevelTag';
import { dateTime, fromNow, isWebUrl } from '../../hotspots/utils/format';
import { AlertActions } from './AlertActions';
import { AlertStatusTag } from './AlertStatusTag';
import { ClockCountdown } from './ClockCountdown';

/** One active alert: what it is about, where it stands, its response clocks ticking, and what to do. */
export function AlertCard({ alert }: { alert: AlertDto }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const none = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <Card
      size="small"
      style={{ borderInlineStart: `4px solid ${token[LEVEL_LABELS[alert.level].colour]}` }}
      data-testid="alert-card"
      data-alert-id={alert.id}
      data-status={alert.status}
      data-level={alert.level}
    >
      <Flex vertical gap={10}>
        <Flex align="center" gap={8} wrap>
          <LevelTag level={alert.level} />
          <Link to={`/hotspots/${alert.hotspotId}`} style={{ fontWeight: 600, fontSize: 15 }} data-testid="alert-hotspot-link">
            {alert.hotspotTitle}
          </Link>
          <div style={{ flex: 1 }} />
          {alert.step > 1 && <Typography.Text type="danger">{t('alerts.stepN', { step: alert.step })}</Typography.Text>}
          <AlertStatusTag status={alert.status} />
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, xl: 2 }}
          items={[
            { key: 'rule', label: t('alerts.fields.rule'), children: alert.rule ?? none },
            { key: 'count', label: t('alerts.fields.count'), children: <span data-testid="alert-count">{alert.count}</span> },
            { key: 'raisedAt', label: t('alerts.fields.raisedAt'), children: `${dateTime(alert.raisedAt)} · ${fromNow(alert.raisedAt)}` },
            {
              key: 'ack',
              label: t('alerts.fields.acknowledgedBy'),
              children: <span data-testid="alert-acknowledged-by">{alert.acknowledgedBy ?? <Typography.Text type="secondary">{t('alerts.notAcknowledged')}</Typography.Text>}</span>,
            },
            { key: 'unit', label: t('alerts.fields.unit'), children: alert.unitName ?? <Typography.Text type="secondary">{t('alerts.noUnit')}</Typography.Text> },
            ...(alert.respondedAt
              ? [
                  {
                    key: 'response',
                    label: t('alerts.fields.response'),
                    children: (
                      <Typography.Text ellipsis={{ tooltip: alert.responseText ?? alert.responseUrl }} style={{ maxWidth: 260 }}>
                        {isWebUrl(alert.responseUrl) ? (
                          <a href={alert.responseUrl} target="_blank" rel="noreferrer">
                            {alert.responseText || alert.responseUrl}
                          </a>
                        ) : (
                          alert.responseText
                        )}
                      </Typography.Text>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Space size={6} wrap data-testid="alert-clocks">
          {alert.clocks.map((c) => (
            <ClockCountdown key={c.code} clock={c} />
          ))}
        </Space>
        <AlertActions alert={alert} />
      </Flex>
    </Card>
  );
}
