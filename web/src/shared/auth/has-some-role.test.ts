import { describe, expect, it } from 'vitest';
import { hasSomeRole } from './has-some-role';

describe('hasSomeRole', () => {
  it('lets anyone through when no role is wanted', () => {
    expect(hasSomeRole(undefined, undefined)).toBe(true);
  });
  it('needs one of the wanted roles', () => {
    expect(hasSomeRole(['trainee'], ['instructor', 'admin'])).toBe(false);
    expect(hasSomeRole(['trainee', 'admin'], ['instructor', 'admin'])).toBe(true);
    expect(hasSomeRole(undefined, ['admin'])).toBe(false);
  });
});
