import { ApplicationConfig } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';

/**
 * nestjs-cls registers a global guard and a global interceptor even when neither is mounted (its
 * root module's factories answer `{ canActivate: () => true }` and `{ intercept: (_, next) =>
 * next.handle() }`). They do nothing, but one global interceptor is enough for Nest to run every
 * request through its interceptor pipeline (an Observable per request, rxjs's scheduling): the
 * largest framework cost left in the `me` profile (issue 23). The request's CLS context is opened
 * by the api's onRequest hook instead (http-app.ts), so both can go.
 *
 * Only those two are removed, recognised by their exact shape and source (a plain object with one
 * method, `() => true` or `(_, next) => next.handle()`), so a real guard written as a plain object
 * is never dropped; should nestjs-cls change them, nothing is removed (the spec says so). Must run
 * before `init()`: Nest builds each route's guard and interceptor chain when it registers the routes.
 */
export function dropPassThroughEnhancers(app: INestApplication): { guards: number; interceptors: number } {
  const config = (app as unknown as { config?: unknown }).config;
  if (!(config instanceof ApplicationConfig)) return { guards: 0, interceptors: 0 };
  return {
    guards: removeInPlace(config.getGlobalGuards(), (guard) => isPassThrough(guard, 'canActivate', '() => true')),
    interceptors: removeInPlace(config.getGlobalInterceptors(), (interceptor) => isPassThrough(interceptor, 'intercept', '(_, next) => next.handle()')),
  };
}

function isPassThrough(value: unknown, method: string, source: string): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(value);
  const fn = (value as Record<string, unknown>)[method];
  return keys.length === 1 && keys[0] === method && typeof fn === 'function' && fn.toString() === source;
}

/** The config's own arrays are what route registration reads, so they are changed in place. */
function removeInPlace<T>(items: T[], drop: (item: T) => boolean): number {
  let removed = 0;
  for (let i = items.length - 1; i >= 0; i--) {
    if (drop(items[i])) {
      items.splice(i, 1);
      removed++;
    }
  }
  return removed;
}
