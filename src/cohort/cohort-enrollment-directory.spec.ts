import { enrolledInCohortSql, enrolledInVersionSql, refsWithLockFactsSql } from './cohort-enrollment-directory.service';

// The SQL the cohort module hands other modules names `enrollment` under an alias of its own and
// qualifies its columns; what a caller hands it must be a placeholder or a column qualified by another
// alias, since a bare column (or one under the fragment's alias) would be read as the fragment's own.
describe('the cohort module’s SQL fragments', () => {
  const fragments: Array<[string, (value: string) => string, string[]]> = [
    ['enrolledInCohortSql, its trainee', (value) => enrolledInCohortSql(value, 'c.cohort_id'), ['enr_ic']],
    ['enrolledInCohortSql, its cohort', (value) => enrolledInCohortSql('$1::uuid', value), ['enr_ic']],
    ['enrolledInVersionSql, its trainee', (value) => enrolledInVersionSql(value, 'v.id'), ['enr_iv']],
    ['enrolledInVersionSql, its version', (value) => enrolledInVersionSql('$4::uuid', value), ['enr_iv']],
    ['refsWithLockFactsSql, its trainee', (value) => refsWithLockFactsSql(value), ['e', 'c']],
  ];

  it.each(fragments)('%s: takes a placeholder or a qualified column of the caller’s', (_, fragment) => {
    for (const value of ['$1', '$12::uuid', 'r.trainee_id', 'career_fair_cohort.cohort_id']) expect(fragment(value)).toContain(value);
  });

  it.each(fragments)('%s: refuses a bare column, a column under the fragment’s own alias, or any other expression', (_, fragment, inside) => {
    for (const value of ['cohort_id', 'trainee_id', 'id', ...inside.map((alias) => `${alias}.cohort_id`), "'x'", '$1::text', '$0', 'lower($1)', '$1 OR true']) {
      expect(() => fragment(value)).toThrow(/placeholder or a column qualified/);
    }
  });

  it('qualifies every column of enrollment under its alias', () => {
    expect(enrolledInCohortSql('$1::uuid', 'c.cohort_id')).toBe(
      "EXISTS (SELECT 1 FROM enrollment enr_ic WHERE enr_ic.cohort_id = c.cohort_id AND enr_ic.trainee_id = $1::uuid AND enr_ic.status <> 'withdrawn')",
    );
    expect(enrolledInVersionSql('$4::uuid', 'v.id')).toBe(
      "EXISTS (SELECT 1 FROM enrollment enr_iv WHERE enr_iv.trainee_id = $4::uuid AND enr_iv.course_version_id = v.id AND enr_iv.status IN ('active', 'completed'))",
    );
  });
});
