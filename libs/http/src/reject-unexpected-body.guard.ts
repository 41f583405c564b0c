import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ProblemException } from './problem';

/**
 * A route that reads no body must not silently accept one: a client sending fields to such a
 * route has misunderstood the API, and we say so (400) instead of ignoring them.
 */
@Injectable()
export class RejectUnexpectedBodyGuard implements CanActivate {
  private readonly readsBody = new WeakMap<object, boolean>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const body = context.switchToHttp().getRequest().body;
    if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) return true;
    if (this.routeReadsBody(context)) return true;
    throw new ProblemException(400, 'validation', 'Invalid request', 'This route takes no request body.', {
      errors: [{ field: 'body', message: 'must be empty' }],
    });
  }

  private routeReadsBody(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    const cached = this.readsBody.get(handler);
    if (cached !== undefined) return cached;
    const args: Record<string, { index: number }> =
      Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {};
    const reads = Object.keys(args).some((key) => {
      const type = Number(key.split(':')[0]);
      // Custom parameter decorators (CurrentPrincipal...) read the principal, not the body.
      return type === RouteParamtypes.BODY || type === RouteParamtypes.REQUEST;
    });
    this.readsBody.set(handler, reads);
    return reads;
  }
}
