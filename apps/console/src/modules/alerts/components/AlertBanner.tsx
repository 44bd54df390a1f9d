import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAnyRole } from '@govdesk/domain';
import { useAuth } from '../../../auth/auth-context';
import { LevelTag } from '../../hotspots/components/LevelTag';
import { useAlertAction } from '../hooks/alerts-api';
import { alertBanner, useBannerAlerts } from '../states/alert-banner';
import { ALERT_BOARD_ROLES } from '../utils/alerts';
import { bannerReason } from '../utils/banner-text';

/**
 * The global banner for alerts that arrived live (raised or escalated), on every page for those
 * who watch alerts: the most serious waiting one, 确认 in one click, and the way to the board.
 * It leaves when anyone acknowledges the alert (`alert.acknowledged`) or when dismissed.
 */
export function AlertBanner() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const waiting = useBannerAlerts();
  const ack = useAlertAction();
  if (!user || !hasAnyRole(user, ALERT_BOARD_ROLES) || waiting.length === 0) return null;

  // Newest first within a level (the queue's order), the most serious level first.
  const top = [...waiting].sort((a, b) => a.level - b.level)[0]!;
  const reason = bannerReason(top, t, i18n.language === 'en');
  const acknowledge = () =>
    ack.mutate(
      { id: top.alertId, kind: 'ack' },
      {
        onSuccess: () => {
          alertBanner.drop(top.alertId);
          void message.success(t('alerts.actions.acked'));
        },
        onError: (e) => void message.error(e.message),
      },
    );

  return (
    <div
      role="alert"
      data-testid="alert-banner"
      data-alert-id={top.alertId}
      data-level={top.level}
      style={{ position: 'fixed', top: 72, left: '50%', transform: 'translateX(-50%)', width: 'min(760px, calc(100vw - 48px))', zIndex: 1010, boxShadow: '0 6px 16px rgba(0, 0, 0, 0.16)' }}
    >
      <Alert
        type={top.level <= 2 ? 'error' : 'warning'}
        showIcon
        title={
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong>{t(`alerts.banner.${top.kind}`)}</Typography.Text>
            <LevelTag level={top.level} />
            <Typography.Text strong data-testid="alert-banner-title">
              {top.title}
            </Typography.Text>
          </Flex>
        }
        description={
          reason || waiting.length > 1 ? (
            <Space size={12} wrap>
              {reason && <span>{reason}</span>}
              {waiting.length > 1 && <Typography.Text type="secondary">{t('alerts.banner.more', { count: waiting.length - 1 })}</Typography.Text>}
            </Space>
          ) : undefined
        }
        action={
          <Space>
            <Button type="primary" danger size="small" icon={<CheckOutlined />} loading={ack.isPending} onClick={acknowledge} data-testid="alert-banner-ack">
              {t('alerts.actions.ack')}
            </Button>
            <Link to="/alerts" data-testid="alert-banner-board">
              {t('alerts.banner.open')}
            </Link>
          </Space>
        }
        closable={{ onClose: () => alertBanner.drop(top.alertId), 'aria-label': t('alerts.banner.dismiss') }}
      />
    </div>
  );
}
