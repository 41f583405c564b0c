/** The API's rules for preferred roles (ListMeDto): at most five, each 1–80 characters, no repeats. */
export const MAX_PREFERRED_ROLES = 5;
export const MAX_ROLE_LENGTH = 80;

export type PreferredRolesResult = { roles: string[]; problem: null } | { roles: string[]; problem: 'too-many' | 'too-long' };

/**
 * The roles a person typed in one field, separated by commas or new lines: trimmed, empty ones
 * dropped, repeats (ignoring case) kept once. The problem is said before anything is sent, so the
 * person fixes it where they typed it.
 */
export function parsePreferredRoles(text: string): PreferredRolesResult {
  const seen = new Set<string>();
  const roles: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const role = part.trim().replace(/\s+/g, ' ');
    if (!role || seen.has(role.toLocaleLowerCase())) continue;
    seen.add(role.toLocaleLowerCase());
    roles.push(role);
  }
  if (roles.length > MAX_PREFERRED_ROLES) return { roles, problem: 'too-many' };
  if (roles.some((role) => role.length > MAX_ROLE_LENGTH)) return { roles, problem: 'too-long' };
  return { roles, problem: null };
}

/** The saved roles as the field shows them. */
export const preferredRolesText = (roles: readonly string[]) => roles.join(', ');
