import { BellOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { askDesktopPermission, desktopAsked, desktopPermission, primeAudio } from '../utils/attention';

/** 开启桌面提醒: asks the browser once (remembered), then shows where things stand. The click also unlocks the beep. */
export function DesktopAlertsButton() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(desktopPermission);
  const [asked, setAsked] = useState(desktopAsked);

  if (permission === 'unsupported') return null;
  if (permission === 'granted') return <Tag color="green" data-testid="desktop-alerts" data-permission="granted">{t('alerts.desktop.enabled')}</Tag>;
  if (permission === 'denied' || asked) return <Tag data-testid="desktop-alerts" data-permission={permission}>{t(permission === 'denied' ? 'alerts.desktop.denied' : 'alerts.desktop.notEnabled')}</Tag>;
  return (
    <Button
      icon={<BellOutlined />}
      onClick={() => {
        primeAudio();
        setAsked(true);
        void askDesktopPermission().then(setPermission);
      }}
      data-testid="desktop-alerts-enable"
    >
      {t('alerts.desktop.enable')}
    </Button>
  );
}
