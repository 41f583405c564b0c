import fc from 'fast-check';
import { randomCohort } from './support/random-cohort';
import { attackCohortReport } from './support/attack/report-attack';
import { recordFigures } from './support/figures';

/**
 * How many random cohorts the attacker tries (the issue asks for thousands; 2000 take about 90 s on
 * an idle 2-core machine, several minutes on a loaded one); DISCLOSURE_COHORTS changes it. The seed
 * is fixed, so a larger run starts with the same cohorts.
 */
const COHORTS = Number(process.env.DISCLOSURE_COHORTS ?? 2000);

describe('disclosure control: an integer-programming attacker holding the whole report', () => {
  it('the attack works: a report with one withheld count left to subtraction gives it away', async () => {
    const w = await randomCohort(5, 40, 5);
    const report = structuredClone(w.report) as typeof w.report;
    // Publish what the gender table withholds except one small cell: row and column totals pin it.
    const table = report.disaggregation.gender;
    expect(table.withheldColumns.length).toBeGreaterThan(0);
    const stageOf = new Map<string, number>();
    for (const e of w.inputs.enrollments) {
      const live = w.inputs.certificates.some((c) => c.enrollmentId === e.enrollmentId && c.revokedAt === null);
      stageOf.set(e.traineeId, Math.max(live ? 3 : ['withdrawn', 'active', 'completed'].indexOf(e.status), stageOf.get(e.traineeId) ?? -1));
    }
    const rowOf = (id: string) => {
      const category = w.people.find((p) => p.id === id)!.gender ?? 'not given';
      return table.rows.includes(category) ? category : 'other';
    };
    let target: [number, number] | null = null;
    table.rows.forEach((category, i) =>
      table.columns.forEach((_, j) => {
        if (table.cells[i][j] !== null) return;
        const n = [...stageOf].filter(([id, s]) => s === j && rowOf(id) === category).length;
        if (target === null && n > 0 && n < 5) target = [i, j];
        else table.cells[i][j] = n;
      }),
    );
    expect(target).not.toBeNull();
    const { disclosures } = await attackCohortReport(report, { skillsOf: w.skillsOf });
    expect(disclosures.map((d) => d.figure)).toContain(`by.gender.${table.rows[target![0]]}.${table.columns[target![1]]}`);
  });

  it('a pooled group left under k (its trainees take several of its courses) makes its siblings withhold what it withholds', async () => {
    // Found by the property at 3000 cohorts: "other" courses held 4 trainees (6 enrollments) at k = 5,
    // the one listed course published 0 placed, and the cohort's 2 placed pinned the pool's.
    const w = await randomCohort(510618057, 15, 5, { singletons: true });
    const { disclosures } = await attackCohortReport(w.report, { skillsOf: w.skillsOf });
    expect(disclosures).toEqual([]);
  });

  it(`property: over ${COHORTS} random cohorts (tiny ones, one-person categories, all certified) the attacker pins nothing`, async () => {
    const started = Date.now();
    let unknowns = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 60 })),
        fc.integer({ min: 3, max: 8 }),
        fc.record({ allCertified: fc.boolean(), singletons: fc.boolean() }),
        async (seed, trainees, k, options) => {
          const w = await randomCohort(seed, trainees, k, { allCertified: options.allCertified && seed % 5 === 0, singletons: options.singletons && seed % 3 === 0 });
          const result = await attackCohortReport(w.report, { skillsOf: w.skillsOf });
          unknowns += result.unknowns;
          runs++;
          expect(result.disclosures).toEqual([]);
        },
      ),
      { numRuns: COHORTS },
    );
    recordFigures('disclosure-attack', 'Disclosure control: ILP attacker over random cohort reports', [
      { label: 'random cohorts attacked', value: runs },
      { label: 'withheld counts solved for', value: unknowns },
      { label: 'counts pinned or groups disclosed', value: 0, expected: 0 },
      { label: 'seconds', value: Math.round((Date.now() - started) / 1000) },
    ]);
  }, 3_600_000);
});
