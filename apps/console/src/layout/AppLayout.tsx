import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { NotificationBell } from '../modules/notifications/NotificationBell';
import { useRealtime } from '../modules/notifications/useRealtime';
import { menuKeyFor, navigationFor } from './navigation';

interface Props {
  onToggleLanguage(): void;
}

export function AppLayout({ onToggleLanguage }: Props) {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  useRealtime(user?.id ?? null);
  if (!user) return null;

  const navigation = navigationFor(user.roles);
  const items = navigation.map((item) => ({
    key: item.path,
    label: t(item.labelKey),
    children: item.children?.map((c) => ({ key: c.path, label: t(c.labelKey) })),
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space size="middle">
          <NotificationBell />
          <span style={{ color: '#fff' }} data-testid="current-user">
            {user.displayName}
          </span>
          {user.roles.map((r) => (
            <Tag key={r} color="blue">
              {t(`roles.${r}`)}
            </Tag>
          ))}
          <Button size="small" onClick={onToggleLanguage}>
            {t('header.language')}
          </Button>
          <Button
            size="small"
            onClick={() => {
              logout();
              void navigate('/login');
            }}
          >
            {t('header.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[menuKeyFor(location.pathname, navigation)]}
            defaultOpenKeys={['/admin']}
            items={items}
            onClick={(e) => void navigate(e.key)}
            style={{ height: '100%' }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
