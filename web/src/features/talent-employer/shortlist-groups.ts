import type { InterviewRequest, ShortlistEntry } from './talent.types';

export interface RoleGroup {
  /** The role in lower case: the API treats "SOC analyst" and "soc ANALYST" as one shortlist. */
  key: string;
  roleTitle: string;
  entries: ShortlistEntry[];
}

const roleKey = (title: string) => title.trim().toLowerCase();

/** Shortlist entries by role (roles A to Z, candidates by name), named as the role was first written. */
export function groupByRole(entries: ShortlistEntry[]): RoleGroup[] {
  const groups = new Map<string, RoleGroup>();
  for (const entry of [...entries].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const key = roleKey(entry.roleTitle);
    const group = groups.get(key) ?? { key, roleTitle: entry.roleTitle, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((group) => ({ ...group, entries: group.entries.sort((a, b) => a.displayName.localeCompare(b.displayName)) }));
}

/** The newest interview request to this candidate for this entry's role, if any. */
export function latestRequestFor(requests: InterviewRequest[], entry: ShortlistEntry): InterviewRequest | undefined {
  return requests
    .filter((r) => r.traineeId === entry.traineeId && roleKey(r.roleTitle) === roleKey(entry.roleTitle))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
