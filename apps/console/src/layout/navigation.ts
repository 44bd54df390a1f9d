import { hasAnyRole, type Role } from '@govdesk/domain';

export interface NavItem {
  key: string;
  path: string;
  labelKey: string;
  roles: readonly Role[];
  children?: NavItem[];
}

/** The console's areas and who sees them; the API enforces the same roles on every endpoint. */
export const NAVIGATION: NavItem[] = [
  { key: 'workbench', path: '/workbench', labelKey: 'nav.workbench', roles: ['handler', 'supervisor', 'admin'] },
  { key: 'hotspots', path: '/hotspots', labelKey: 'nav.hotspots', roles: ['monitor', 'supervisor', 'admin'] },
  { key: 'alerts', path: '/alerts', labelKey: 'nav.alerts', roles: ['monitor', 'supervisor', 'admin'] },
  { key: 'supervision', path: '/supervision', labelKey: 'nav.supervision', roles: ['supervisor', 'admin'] },
  {
    key: 'admin',
    path: '/admin',
    labelKey: 'nav.admin',
    roles: ['admin'],
    children: [
      { key: 'units', path: '/admin/units', labelKey: 'nav.units', roles: ['admin'] },
      { key: 'users', path: '/admin/users', labelKey: 'nav.users', roles: ['admin'] },
      { key: 'calendar', path: '/admin/calendar', labelKey: 'nav.calendar', roles: ['admin'] },
      { key: 'audit', path: '/admin/audit', labelKey: 'nav.audit', roles: ['admin'] },
      { key: 'sources', path: '/admin/sources', labelKey: 'nav.opinionSources', roles: ['admin'] },
      { key: 'opinion-settings', path: '/admin/opinion-settings', labelKey: 'nav.opinionSettings', roles: ['admin'] },
    ],
  },
];

export function navigationFor(roles: readonly Role[]): NavItem[] {
  return NAVIGATION.filter((item) => hasAnyRole({ roles }, item.roles)).map((item) => ({
    ...item,
    children: item.children?.filter((c) => hasAnyRole({ roles }, c.roles)),
  }));
}

/** The menu entry a page belongs to: its own path, or the longest entry path it lies under (/hotspots/… → /hotspots). */
export function menuKeyFor(pathname: string, items: readonly NavItem[]): string {
  const paths = items.flatMap((item) => (item.children?.length ? item.children.map((c) => c.path) : [item.path]));
  const match = paths.filter((p) => pathname === p || pathname.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
  return match ?? pathname;
}

/** Where a user lands after login: the first area their roles open. */
export function homePathFor(roles: readonly Role[]): string {
  const first = navigationFor(roles)[0];
  return first?.children?.[0]?.path ?? first?.path ?? '/login';
}
