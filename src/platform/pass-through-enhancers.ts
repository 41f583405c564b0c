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
 * Our own global enhancers are class instances (AccessGuard, RejectUnexpectedBodyGuard, the pipes);
 * plain objects among them are these pass-throughs. Must run before `init()`: Nest builds each
 * route's guard and interceptor chain when it registers the routes.
 */
export function dropPassThroughEnhancers(app: INestApplication): { guards: number; interceptors: number } {
  const config = (app as unknown as { config?: unknown }).config;
  if (!(config instanceof ApplicationConfig)) return { guards: 0, interceptors: 0 };
  return {
    guards: removeInPlace(config.getGlobalGuards(), (guard) => isPlainObject(guard) && Object.keys(guard).join() === 'canActivate'),
    interceptors: removeInPlace(config.getGlobalInterceptors(), (interceptor) => isPlainObject(interceptor) && Object.keys(interceptor).join() === 'intercept'),
  };
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
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
