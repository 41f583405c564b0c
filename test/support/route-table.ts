import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ACCESS_RULE, AccessRule } from '@gds/http';

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
