import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ACCESS_RULE, AccessRule } from '@gds/http';
import { API_PREFIX, UNPREFIXED } from '../../src/platform/http-app';

export interface RouteEntry {
  method: string;
  path: string;
  controller: string;
  handler: string;
  rule: AccessRule | undefined;
}

/** Every route of the running app with its declared access rule, read from Nest's own metadata. */
export function routeTable(app: NestFastifyApplication): RouteEntry[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!type || !wrapper.instance) continue;
    const base: string = Reflect.getMetadata(PATH_METADATA, type) ?? '';
    const prototype = Object.getPrototypeOf(wrapper.instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const path: string | undefined = Reflect.getMetadata(PATH_METADATA, handler);
      const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
      if (path === undefined || method === undefined) continue;
      routes.push({
        method: RequestMethod[method],
        path: '/' + [base, path].map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/'),
        controller: type.name,
        handler: name,
        rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, type]),
      });
    }
  }
  return routes;
}

/** The path a client calls: under /api/v1 unless the route is one of the unprefixed ones (health, metrics ...). */
export function publicPath(route: Pick<RouteEntry, 'path'>): string {
  const first = route.path.split('/')[1] ?? '';
  const unprefixed = UNPREFIXED.some((pattern) => pattern.split('/')[0] === first);
  return unprefixed ? route.path : `/${API_PREFIX}${route.path}`;
}

/** Path parameter names of a route, e.g. ['id'] for /users/:id (wildcards like {*path} too). */
export function pathParams(route: Pick<RouteEntry, 'path'>): string[] {
  return [...route.path.matchAll(/:(\w+)|\{\*(\w+)\}/g)].map((m) => m[1] ?? m[2]);
}

/** The route's path with its parameters filled in. */
export function fillPath(route: Pick<RouteEntry, 'path'>, values: Record<string, string>): string {
  return publicPath(route).replace(/:(\w+)|\{\*(\w+)\}/g, (_, a, b) => encodeURIComponent(values[a ?? b]));
}

/** The OpenAPI path key of a route (/api/v1/users/{id}). */
export function openApiPath(route: Pick<RouteEntry, 'path'>): string {
  return publicPath(route).replace(/:(\w+)|\{\*(\w+)\}/g, (_, a, b) => `{${a ?? b}}`);
}
