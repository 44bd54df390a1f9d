import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { Role } from '@govdesk/domain';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/auth/roles.decorator';
import type { TestApp } from './test-app';

export interface Route {
  method: string;
  path: string;
  roles: readonly Role[] | null;
  isPublic: boolean;
}

/** Every route of the API, read from the controllers' own metadata. */
export function discoverRoutes(t: TestApp): Route[] {
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

