import { hasRole, isRole, Principal, Roles, ROLES } from './access.decorators';

describe('roles are typed end to end', () => {
  const reviewer: Principal = { userId: 'u1', roles: ['reviewer'] };

  it('checks a principal against known roles', () => {
    expect(hasRole(reviewer, 'admin', 'reviewer')).toBe(true);
    expect(hasRole(reviewer, 'admin')).toBe(false);
    expect(hasRole(undefined, 'trainee')).toBe(false);
  });

  it('tells a known role from any other string', () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole('employer')).toBe(true);
    expect(['Employer', 'Admin', '', null].some(isRole)).toBe(false);
  });

  it('refuses, at type-checking, a role that does not exist (npm run typecheck compiles this file)', () => {
    // @ts-expect-error 'superuser' is not a Role
    expect(hasRole(reviewer, 'superuser')).toBe(false);
    // @ts-expect-error a principal's roles are Roles, not strings
    const stranger: Principal = { userId: 'u2', roles: ['owner'] };
    expect(stranger.roles).toEqual(['owner']);
    // @ts-expect-error @Roles takes Roles only
    expect(typeof Roles('admin', 'recruiter')).toBe('function');
  });
});
