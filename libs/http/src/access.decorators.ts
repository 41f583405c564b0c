import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblems } from './api-responses.decorators';

/** The roles a user may hold. The identity module stores them; every access check is typed by them. */
/** `employer`: a user of a partner organisation (bound to one: app_user.organisation_id) who finds consenting graduates. */
export const ROLES = ['admin', 'instructor', 'trainee', 'reviewer', 'employer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export const ACCESS_RULE = 'gds:access-rule';
export type AccessRule = { kind: 'public' } | { kind: 'authenticated'; ownProfile?: true } | { kind: 'roles'; roles: Role[] };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/**
 * Any signed-in user; object-level checks happen in the service (which declare their own 403/404).
 * `ownProfile`: the access check reads the caller's profile in its own statement (Principal.profile),
 * for a route that answers it (GET /me): one statement per request instead of two reading the same row.
 */
export const Authenticated = (options: { ownProfile?: true } = {}) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'authenticated', ...(options.ownProfile ? { ownProfile: true } : {}) } satisfies AccessRule),
    ApiBearerAuth(),
    ApiProblems(401),
  );

/** Signed-in users holding at least one of these roles. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule), ApiBearerAuth(), ApiProblems(401, 403));

/** Who is calling: set by the AccessGuard from a verified access token. */
export interface Principal {
  userId: string;
  roles: Role[];
  /** The sign-in (refresh token family) the access token belongs to; absent in tokens issued before sessions were named. */
  sessionId?: string;
  /** The caller's profile row, read by the access check itself on routes declared `@Authenticated({ ownProfile: true })`. */
  profile?: Readonly<Record<string, unknown>>;
}

export const hasRole = (principal: Principal | undefined, ...roles: Role[]) =>
  !!principal && principal.roles.some((role) => roles.includes(role));

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal | undefined => {
  return context.switchToHttp().getRequest().principal;
});
