import { describe, expect, it } from 'vitest';
import { parsePreferredRoles, preferredRolesText } from './preferred-roles';

describe('parsePreferredRoles', () => {
  it('splits on commas and new lines, trims, drops empty parts and repeats (ignoring case)', () => {
    expect(parsePreferredRoles(' SOC analyst,\nData  analyst , , soc ANALYST\n\n')).toEqual({ roles: ['SOC analyst', 'Data analyst'], problem: null });
  });

  it('answers no roles for an empty field', () => {
    expect(parsePreferredRoles('  \n , ')).toEqual({ roles: [], problem: null });
  });

  it('says when there are more than five roles', () => {
    expect(parsePreferredRoles('a, b, c, d, e').problem).toBeNull();
    expect(parsePreferredRoles('a, b, c, d, e, f').problem).toBe('too-many');
  });

  it('says when a role is longer than 80 characters', () => {
    expect(parsePreferredRoles('x'.repeat(80)).problem).toBeNull();
    expect(parsePreferredRoles(`ok, ${'x'.repeat(81)}`).problem).toBe('too-long');
  });

  it('round-trips the saved roles through the field', () => {
    expect(parsePreferredRoles(preferredRolesText(['Cloud support', 'SOC analyst'])).roles).toEqual(['Cloud support', 'SOC analyst']);
  });
});
