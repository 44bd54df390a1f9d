import { ROLES, type Role } from '@govdesk/domain';
import { discoverRoutes, type Route } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';

const concrete = (path: string) =>
  path.replace(/:year/g, '2026').replace(/:kind/g, 'reply').replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

describe('every API route declares who may call it, and the guard enforces it', () => {
  let t: TestApp;
  let routes: Route[];
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) tokens[role] = await t.login(role === 'admin' ? 'admin' : role);
    routes = discoverRoutes(t);
  });
  afterAll(() => t.close());

  it('finds the routes and every one declares roles or is public', () => {
    expect(routes.length).toBeGreaterThan(35);
    const undeclared = routes.filter((r) => !r.isPublic && !r.roles);
    expect(undeclared).toEqual([]);
    const publicRoutes = routes.filter((r) => r.isPublic).map((r) => `${r.method} ${r.path}`).sort();
    expect(publicRoutes).toEqual(['GET /api/health', 'GET /api/public/requests/status', 'GET /api/public/units', 'POST /api/auth/login', 'POST /api/public/requests'].sort());
  });

  it('answers 401 without a token on every non-public route', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => !x.isPublic)) {
      const res = await t.http[r.method.toLowerCase() as 'get'](concrete(r.path));
      if (res.status !== 401) failures.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 for every role a route does not allow', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of routes.filter((x) => !x.isPublic && x.roles)) {
      for (const role of ROLES.filter((x) => !r.roles!.includes(x))) {
        const res = await t.http[r.method.toLowerCase() as 'get'](concrete(r.path)).set('Authorization', `Bearer ${tokens[role]}`);
        checked++;
        if (res.status !== 403) failures.push(`${role}: ${r.method} ${r.path} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });
});
