import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';

/** The public portal's frame: no login, a link back to staff login, the language switch. */
export function PortalLayout({ onToggleLanguage, children }: { onToggleLanguage(): void; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const selected = location.pathname.startsWith('/portal/status') ? '/portal/status' : '/portal';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24, background: '#a8071a' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('portal.title')}
        </Typography.Title>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={[selected]}
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          onClick={(e) => void navigate(e.key)}
          items={[
            { key: '/portal', label: t('portal.apply') },
            { key: '/portal/status', label: t('portal.status') },
          ]}
        />
        <Space>
          <Button size="small" onClick={onToggleLanguage}>
            {t('header.language')}
          </Button>
          <Link to="/login" style={{ color: '#fff' }} data-testid="staff-login-link">
            {t('portal.staffLogin')}
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 16px', display: 'flex', justifyContent: 'center' }}>
        <div style={{ width: '100%', maxWidth: 880 }}>{children}</div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)' }}>{t('portal.subtitle')}</Layout.Footer>
    </Layout>
  );
}
