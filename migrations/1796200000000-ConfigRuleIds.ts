import { MigrationInterface, QueryRunner } from 'typeorm';

/** The id the key check gave a config rule saved without one, before it gave `rule-N`. */
const LEGACY_RULE_ID = /^rules\[(\d+)\]$/;

/**
 * A config key with every legacy rule id (`rules[0]`) renamed to `rule-1`, as a rule without an id
 * is now stored; null when the key has none. The new id is the rule's position plus one, as the key
 * check gives it; when another rule of the key already has that id, the next free `rule-N` is taken,
 * so the ids stay unique. Every other rule and field is kept as it was.
 */
export function withCurrentRuleIds(key: unknown): Record<string, unknown> | null {
  if (typeof key !== 'object' || key === null || !Array.isArray((key as { rules?: unknown }).rules)) return null;
  const rules = (key as { rules: unknown[] }).rules;
  const idOf = (rule: unknown) => (typeof rule === 'object' && rule !== null ? (rule as { id?: unknown }).id : undefined);
  const legacy = rules.map((rule) => typeof idOf(rule) === 'string' && LEGACY_RULE_ID.test(idOf(rule) as string));
  if (!legacy.includes(true)) return null;
  const taken = new Set(rules.filter((_, i) => !legacy[i]).map(idOf).filter((id): id is string => typeof id === 'string'));
  const renamed = rules.map((rule, index) => {
    if (!legacy[index]) return rule;
    let n = index + 1;
    while (taken.has(`rule-${n}`)) n++;
    taken.add(`rule-${n}`);
    return { ...(rule as Record<string, unknown>), id: `rule-${n}` };
  });
  return { ...(key as Record<string, unknown>), rules: renamed };
}

/**
 * Config-review keys saved before rules without an id were named `rule-N` carry ids like
 * `rules[0]`, which the key check now refuses: such a draft could be neither saved again nor
 * published. The drafts (table `assessment`) are rewritten here. Published versions
 * (`course_version_assessment.frozen`) are left as they are: the database refuses any change to
 * them, submissions are graded against them, and their grades' feedback names those rule ids.
 */
export class ConfigRuleIds1796200000000 implements MigrationInterface {
  name = 'ConfigRuleIds1796200000000';

  async up(q: QueryRunner): Promise<void> {
    // Config keys are few: each is read and renamed here rather than matched in SQL.
    const rows: Array<{ id: string; answer_key: unknown }> = await q.query(`SELECT id, answer_key FROM assessment WHERE kind = 'config'`);
    for (const row of rows) {
      const key = withCurrentRuleIds(row.answer_key);
      if (key) await q.query('UPDATE assessment SET answer_key = $2::jsonb WHERE id = $1', [row.id, JSON.stringify(key)]);
    }
  }

  async down(): Promise<void> {
    // The old ids are the ones the key check refuses: nothing worth restoring.
  }
}
