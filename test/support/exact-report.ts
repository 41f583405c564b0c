import { ClsService } from 'nestjs-cls';
import { CohortFactsSource } from '../../src/reporting/ports/cohort-facts.source';
import { OutcomeFacts } from '../../src/reporting/outcome-facts.service';
import { figuresOf } from '../../src/reporting/outcome-figures';
import { stageByTrainee } from '../../src/reporting/disaggregation';
import { countDistinct } from '../../src/reporting/outcome-math';
import type { TestApp } from './test-app';

/**
 * The report's headline figures before disclosure control, gathered through the app's own ports
 * (as the report is): for exactness tests, which compare them with the base tables and check that
 * every figure the published report shows is one of these.
 */
export async function exactHeadline(t: TestApp, cohortId: string) {
  return t.get<ClsService>(ClsService).run(async () => {
    const cohort = (await t.get<CohortFactsSource>(CohortFactsSource).cohort(cohortId))!;
    const inputs = await t.get<OutcomeFacts>(OutcomeFacts).gather(cohort, new Date(), t.config.REPORT_MIN_CELL_SIZE);
    const stages = [...stageByTrainee(inputs).values()];
    const applicants = countDistinct(inputs.applications, (a) => a.traineeId);
    const accepted = countDistinct(inputs.applications.filter((a) => a.status === 'accepted'), (a) => a.traineeId);
    return {
      applicants,
      accepted,
      funnel: {
        applied: applicants,
        accepted,
        enrolled: stages.length,
        completed: stages.filter((s) => s === 'completed' || s === 'certified').length,
        certified: stages.filter((s) => s === 'certified').length,
      },
      overall: figuresOf(inputs.enrollments, inputs),
    };
  });
}

/** Every number the published object shows equals the exact one at the same place; withheld ones are null. */
export function publishedWithin(published: unknown, exact: unknown, path = '$'): string[] {
  if (published === null || published === undefined) return [];
  if (typeof published === 'number') return published === exact ? [] : [`${path}: published ${published}, exact ${String(exact)}`];
  if (Array.isArray(published)) return published.flatMap((p, i) => publishedWithin(p, (exact as unknown[])?.[i], `${path}[${i}]`));
  if (typeof published === 'object') {
    return Object.entries(published as Record<string, unknown>)
      .filter(([key]) => key !== 'suppressed')
      .flatMap(([key, p]) => publishedWithin(p, (exact as Record<string, unknown>)?.[key], `${path}.${key}`));
  }
  return [];
}
