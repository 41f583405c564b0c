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
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw new ProblemException(403, 'undeclared-route', 'Forbidden', 'This route declares no access rule.');
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    if (rule.kind === 'public') {
      if (header) request.principal = await this.verifier.verify(this.bearer(header)).catch(() => undefined);
      return true;
    }
    if (!header) throw unauthorized('Sign in: send an Authorization: Bearer <access token> header.');
    request.principal = await this.verifier.verify(this.bearer(header));
    if (rule.kind === 'roles' && !rule.roles.some((role) => request.principal.roles.includes(role))) {
      throw new ProblemException(403, 'forbidden', 'Forbidden', `This needs one of the roles: ${rule.roles.join(', ')}.`);
    }
    return true;
  }

  private bearer(header: string): string {
    const match = /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.?[A-Za-z0-9\-_.+/=]*)$/.exec(header);
    if (!match) throw unauthorized('The Authorization header must be "Bearer <access token>".');
    return match[1];
  }
}
