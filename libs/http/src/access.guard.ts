import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from './access.decorators';
import { AccessTokenVerifier } from './access-token-verifier';
import { ProblemException } from './problem';

const unauthorized = (detail: string) => new ProblemException(401, 'unauthorized', 'Unauthorized', detail);

/**
 * Authorization by declaration: a route without @Public, @Authenticated or @Roles is refused, so a
 * forgotten declaration fails closed (and the route-declaration test names it).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly rules = new WeakMap<object, WeakMap<object, AccessRule | undefined>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  /**
   * Synchronous where no token is to be read (a public route asked without one): an async guard
   * costs every request promises, each tracked by the request's AsyncLocalStorage context.
   */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.ruleOf(context);
    if (!rule) throw new ProblemException(403, 'undeclared-route', 'Forbidden', 'This route declares no access rule.');
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    if (rule.kind === 'public') {
      if (!header) return true;
      return this.verifier.verify(this.bearer(header)).then(
        (principal) => ((request.principal = principal), true),
        () => true,
      );
    }
    if (!header) throw unauthorized('Sign in: send an Authorization: Bearer <access token> header.');
    return this.verifier.verify(this.bearer(header), rule.kind === 'authenticated' && rule.ownProfile === true).then((principal) => {
      request.principal = principal;
      if (rule.kind === 'roles' && !rule.roles.some((role) => principal.roles.includes(role))) {
        throw new ProblemException(403, 'forbidden', 'Forbidden', `This needs one of the roles: ${rule.roles.join(', ')}.`);
      }
      return true;
    });
  }

  /** A route's rule is fixed once the app is built: read from its metadata once per class and handler. */
  private ruleOf(context: ExecutionContext): AccessRule | undefined {
    const handler = context.getHandler();
    const type = context.getClass();
    let byHandler = this.rules.get(type);
    if (!byHandler) this.rules.set(type, (byHandler = new WeakMap()));
    if (byHandler.has(handler)) return byHandler.get(handler);
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, type]);
    byHandler.set(handler, rule);
    return rule;
  }

  private bearer(header: string): string {
    const match = /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.?[A-Za-z0-9\-_.+/=]*)$/.exec(header);
    if (!match) throw unauthorized('The Authorization header must be "Bearer <access token>".');
    return match[1];
  }
}
