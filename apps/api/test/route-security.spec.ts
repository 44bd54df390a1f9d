import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ROLES, type Role } from '@govdesk/domain';
import { PUBLIC_KEY, ROLES_KEY } from '../src/auth/roles.decorator';
import { startTestApp, type TestApp } from './support/test-app';

interface Route {
  method: string;
  path: string;
  roles: readonly Role[] | null;
  isPublic: boolean;
}

/** Every route of the API, read from the controllers' own metadata. */
function discoverRoutes(t: TestApp): Route[] {
  const discovery = new DiscoveryService(t.server.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const controller = instance.constructor;
    const base = [reflector.get<string | string[]>(PATH_METADATA, controller)].flat()[0] ?? '';
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as () => unknown;
      const path = reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
      const method = reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
      if (path === undefined || method === undefined) continue;
      const full = `/api/${base}/${[path].flat()[0] ?? ''}`.replace(/\/+/g, '/').replace(/\/$/, '');
      routes.push({
        method: RequestMethod[method],
        path: full,
        roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [handler, controller]) ?? null,
        isPublic: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, [handler, controller]) === true,
      });
    }
  }
  return routes;
}

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
