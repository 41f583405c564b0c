import { parse } from 'csv-parse/sync';
import { randomCohort } from '../../../test/support/random-cohort';
import { cohortReportCsv, crossCohortCsv } from './outcome-report-csv';
import { dashboardPage } from './dashboard-page';
import { crossCohortReport } from '../cross-cohort-report';

/** Every number anywhere in a JSON value. */
function numbersIn(value: unknown, into = new Set<number>()): Set<number> {
  if (typeof value === 'number') into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbersIn(v, into));
  return into;
}

const csvNumbers = (csv: string) =>
  (parse(csv, { from_line: 2 }) as string[][]).map((r) => r[3]).filter((v) => /^-?\d+(\.\d+)?$/.test(v)).map(Number);

describe('report formats carry nothing the protected JSON does not', () => {
  it('the CSV and the dashboard show only figures of the JSON, and "suppressed" where it withholds', async () => {
    for (const seed of [3, 17, 29, 41]) {
      const w = await randomCohort(seed, 45, 5);
      const json = numbersIn(w.report);
      const csv = cohortReportCsv(w.report);
      for (const n of csvNumbers(csv)) expect({ seed, n, inJson: json.has(n) }).toEqual({ seed, n, inJson: true });
      const withheld = w.report.overall.suppressed.length + Object.values(w.report.disaggregation).reduce((sum, t) => sum + t.cells.flat().filter((c) => c === null).length, 0);
      if (withheld > 0) expect(csv).toContain(',suppressed\r\n');
      const page = dashboardPage(w.report);
      const shown = [...page.matchAll(/data-metric="[^"]+"[^>]*>([^<]*)</g)].map((m) => m[1]).filter((v) => /^\d+(\.\d+)?$/.test(v)).map(Number);
      for (const n of shown) expect({ seed, n, inJson: json.has(n) }).toEqual({ seed, n, inJson: true });
    }
  });

  it('the cross-cohort report is each cohort\'s own protected headline, and sums of it', async () => {
    const worlds = await Promise.all([randomCohort(5, 40, 5), randomCohort(6, 3, 5), randomCohort(7, 30, 5)]);
    const across = crossCohortReport(worlds.map((w) => w.inputs), new Date('2026-11-29T12:00:00Z'), 5);
    worlds.forEach((w, i) => {
      expect(across.cohorts[i].funnel).toEqual(w.report.funnel);
      expect(across.cohorts[i].overall).toEqual(w.report.overall);
    });
    // The tiny cohort withholds its completions, so the pooled count is withheld too.
    expect(worlds[1].report.overall.completed).toBeNull();
    expect(across.overall.completed).toBeNull();
    expect(across.overall.enrolled).toBe(worlds.reduce((sum, w) => sum + w.report.overall.enrolled, 0));
    expect(across.funnel.enrolled).toBe(worlds.reduce((sum, w) => sum + w.report.funnel.enrolled, 0));
    const perCohort = numbersIn(across.cohorts);
    const sums = numbersIn({ overall: across.overall, funnel: across.funnel });
    for (const n of csvNumbers(crossCohortCsv(across))) expect(perCohort.has(n) || sums.has(n) || n === 5).toBe(true);
  });
});
