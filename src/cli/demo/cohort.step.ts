import { Principal } from '@gds/http';
import { ApplicationDecisions } from '../../cohort/application-decisions.service';
import { ApplicationsService } from '../../cohort/applications.service';
import { CohortsService } from '../../cohort/cohorts.service';
import { EnrollmentDirectory } from '../../cohort/enrollment-directory.contract';
import { SelectionWorkbench } from '../../cohort/selection-workbench.service';
import { DEMO_APPLICANTS, PILOT_COHORT_NAME, PILOT_QUESTIONS } from './demo-roster';
import { principalOf } from './demo-principal';
import { DemoContext, DemoStep } from './demo-step';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The pilot cohort of the four published versions, taught by both instructors: the twelve trainees
 * apply (answering the cohort's questions), the instructors decide (ten accepted and enrolled, one
 * waitlisted, one rejected), then the cohort runs. Whatever exists already is kept.
 */
export const cohortStep: DemoStep = {
  name: 'pilot cohort, applications and decisions',
  async run(ctx: DemoContext) {
    const admin = principalOf(ctx, 'admin');
    const cohorts = ctx.app.get(CohortsService, { strict: false });
    let cohortId = await findCohort(ctx, admin);
    ctx.log(`  ${cohortId ? 'kept   ' : 'created'} cohort "${PILOT_COHORT_NAME}"`);
    if (!cohortId) cohortId = await createCohort(ctx);
    if ((await cohorts.get(admin, cohortId)).status === 'planned') await cohorts.transition(cohortId, 'accepting_applications');
    const { applied, decided } = await applyAndDecide(ctx, cohortId);
    ctx.log(`  ${applied} applications submitted, ${decided} decided (${DEMO_APPLICANTS.length} applicants in all)`);
    if ((await cohorts.get(admin, cohortId)).status === 'accepting_applications') {
      // A cohort starts once its applications have closed: the demo closes them now.
      const opened = Date.parse((await cohorts.get(admin, cohortId)).applicationsOpenAt);
      await cohorts.update(cohortId, { applicationsCloseAt: new Date(Math.max(Date.now(), opened + 1000)).toISOString() });
      await cohorts.transition(cohortId, 'running');
    }
    const enrollments = await ctx.app.get(EnrollmentDirectory, { strict: false }).enrollmentsOfCohort(cohortId);
    const byTrainee = new Map(enrollments.map((e) => [e.traineeId, e]));
    const map = new Map<string, { enrollmentId: string; courseCode: string; status: string }>();
    for (const a of DEMO_APPLICANTS) {
      const enrollment = byTrainee.get(principalOf(ctx, a.key).userId);
      if (enrollment) map.set(a.key, { enrollmentId: enrollment.enrollmentId, courseCode: a.courseCode, status: enrollment.status });
    }
    ctx.cohort = { id: cohortId, name: PILOT_COHORT_NAME, enrollments: map };
    ctx.log(`  cohort running with ${map.size} enrolled trainees`);
  },
};

async function findCohort(ctx: DemoContext, admin: Principal): Promise<string | null> {
  const cohorts = ctx.app.get(CohortsService, { strict: false });
  let cursor: string | undefined;
  do {
    const page = await cohorts.list(admin, { limit: 100, cursor });
    const found = page.items.find((c) => c.name === PILOT_COHORT_NAME);
    if (found) return found.id;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return null;
}

async function createCohort(ctx: DemoContext): Promise<string> {
  const now = Date.now();
  const iso = (days: number) => new Date(now + days * DAY_MS).toISOString();
  const created = await ctx.app.get(CohortsService, { strict: false }).create(
    {
      name: PILOT_COHORT_NAME,
      courseVersionIds: [...ctx.courses.values()].map((c) => c.versionId),
      capacity: 50,
      // Started three weeks ago with every module open (schedule mode, no offsets), so progress varies.
      applicationsOpenAt: iso(-35),
      applicationsCloseAt: iso(30),
      startsAt: iso(-21),
      endsAt: iso(120),
      unlockMode: 'schedule',
      instructorIds: [principalOf(ctx, 'instructor-1').userId, principalOf(ctx, 'instructor-2').userId],
      questions: PILOT_QUESTIONS,
    },
    principalOf(ctx, 'admin').userId,
  );
  return created.id;
}

async function applyAndDecide(ctx: DemoContext, cohortId: string): Promise<{ applied: number; decided: number }> {
  const applications = ctx.app.get(ApplicationsService, { strict: false });
  const decisions = ctx.app.get(ApplicationDecisions, { strict: false });
  const cohort = await ctx.app.get(CohortsService, { strict: false }).get(principalOf(ctx, 'admin'), cohortId);
  const existing = (await ctx.app.get(SelectionWorkbench, { strict: false }).list(principalOf(ctx, 'admin'), cohortId, { limit: 100, sort: 'submitted' })).items;
  let applied = 0;
  let decided = 0;
  for (const a of DEMO_APPLICANTS) {
    const traineeId = principalOf(ctx, a.key).userId;
    let application: { id: string; status: string } | undefined = existing.find((e) => e.traineeId === traineeId);
    if (!application && cohort.status === 'accepting_applications') {
      const answers = cohort.questions.map((q, i) => ({ questionId: q.id, answer: a.answers[i] }));
      application = await applications.apply(traineeId, cohortId, { statement: a.statement, answers, courseVersionId: ctx.courses.get(a.courseCode)!.versionId });
      applied++;
    }
    if (application?.status !== 'submitted') continue;
    // The instructor of the track decides (instructor-1 cybersecurity and data, instructor-2 the others).
    const staff = ['soc-analyst-foundations', 'data-analysis-with-sql'].includes(a.courseCode) ? 'instructor-1' : 'instructor-2';
    await decisions.decide(principalOf(ctx, staff), application.id, { decision: a.decision, reason: a.reason });
    decided++;
  }
  return { applied, decided };
}
