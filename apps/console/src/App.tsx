import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { hasAnyRole, type Role } from '@govdesk/domain';
import { AuthProvider, useAuth } from './auth/auth-context';
import i18n, { initialLanguage, rememberLanguage, type Language } from './i18n/i18n';
import { AppLayout } from './layout/AppLayout';
import { homePathFor } from './layout/navigation';
import { AuditPage } from './modules/admin/AuditPage';
import { UnitsPage } from './modules/admin/UnitsPage';
import { UsersPage } from './modules/admin/UsersPage';
import { AlertsPage } from './modules/alerts/AlertsPage';
import { AlertBanner } from './modules/alerts/components/AlertBanner';
import { HotspotPage } from './modules/hotspots/HotspotPage';
import { HotspotsPage } from './modules/hotspots/HotspotsPage';
import { ImportPage } from './modules/hotspots/ImportPage';
import { LoginPage } from './modules/login/LoginPage';
import { OpinionSettingsPage } from './modules/opinion-admin/OpinionSettingsPage';
import { SourcesPage } from './modules/opinion-admin/SourcesPage';
import { PortalLayout } from './modules/portal/PortalLayout';
import { PortalPage } from './modules/portal/PortalPage';
import { PortalStatusPage } from './modules/portal/PortalStatusPage';
import { CalendarPage } from './modules/calendar/CalendarPage';
import { RegisterRequestPage } from './modules/requests/RegisterRequestPage';
import { RequestPage } from './modules/requests/RequestPage';
import { SupervisionPage } from './modules/supervision/SupervisionPage';
import { WorkbenchPage } from './modules/workbench/WorkbenchPage';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useAuth();
  if (!user) return <Navigate to="/login" replace />;
  if (!hasAnyRole(user, roles)) return <Navigate to={homePathFor(user.roles)} replace />;
  return <>{children}</>;
}

function AppRoutes({ onToggleLanguage }: { onToggleLanguage(): void }) {
  const { user, restoring } = useAuth();
  if (restoring) return <Spin fullscreen />;
  return (
    <Routes>
      {/* The public portal: no session needed (and none used). */}
      <Route path="/portal" element={<PortalLayout onToggleLanguage={onToggleLanguage}><PortalPage /></PortalLayout>} />
      <Route path="/portal/status" element={<PortalLayout onToggleLanguage={onToggleLanguage}><PortalStatusPage /></PortalLayout>} />
      <Route path="/login" element={user ? <Navigate to={homePathFor(user.roles)} replace /> : <LoginPage onToggleLanguage={onToggleLanguage} />} />
      {/* The alert banner floats over every page of the console (it shows only for those who watch alerts). */}
      <Route element={user ? <><AppLayout onToggleLanguage={onToggleLanguage} /><AlertBanner /></> : <Navigate to="/login" replace />}>
        <Route path="/workbench" element={<RequireRole roles={['handler', 'supervisor', 'admin']}><WorkbenchPage /></RequireRole>} />
        <Route path="/requests/new" element={<RequireRole roles={['handler', 'supervisor', 'admin']}><RegisterRequestPage /></RequireRole>} />
        <Route path="/requests/:id" element={<RequireRole roles={['handler', 'supervisor', 'admin']}><RequestPage /></RequireRole>} />
        <Route path="/hotspots" element={<RequireRole roles={['monitor', 'supervisor', 'admin']}><HotspotsPage /></RequireRole>} />
        <Route path="/hotspots/import" element={<RequireRole roles={['monitor', 'admin']}><ImportPage /></RequireRole>} />
        <Route path="/hotspots/:id" element={<RequireRole roles={['monitor', 'supervisor', 'admin']}><HotspotPage /></RequireRole>} />
        <Route path="/alerts" element={<RequireRole roles={['monitor', 'supervisor', 'admin']}><AlertsPage /></RequireRole>} />
        <Route path="/supervision" element={<RequireRole roles={['supervisor', 'admin']}><SupervisionPage /></RequireRole>} />
        <Route path="/admin/units" element={<RequireRole roles={['admin']}><UnitsPage /></RequireRole>} />
        <Route path="/admin/users" element={<RequireRole roles={['admin']}><UsersPage /></RequireRole>} />
        <Route path="/admin/calendar" element={<RequireRole roles={['admin']}><CalendarPage /></RequireRole>} />
        <Route path="/admin/audit" element={<RequireRole roles={['admin']}><AuditPage /></RequireRole>} />
        <Route path="/admin/sources" element={<RequireRole roles={['admin']}><SourcesPage /></RequireRole>} />
        <Route path="/admin/opinion-settings" element={<RequireRole roles={['admin']}><OpinionSettingsPage /></RequireRole>} />
        <Route path="*" element={<Navigate to={user ? homePathFor(user.roles) : '/login'} replace />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  const toggle = () => {
    const next: Language = language === 'en' ? 'zh-CN' : 'en';
    rememberLanguage(next);
    void i18n.changeLanguage(next);
    setLanguage(next);
  };
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <BrowserRouter>
              <AppRoutes onToggleLanguage={toggle} />
            </BrowserRouter>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
