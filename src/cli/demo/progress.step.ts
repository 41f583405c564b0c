import { ProblemException } from '@gds/http';
import { DEFAULT_TIME_ZONE, localDate } from '@gds/time';
import { AssessmentOutline } from '../../course/published-course-versions.contract';
import { Attempts } from '../../assessment/attempts.service';
import { FlagGrader } from '../../assessment/graders/flag.grader';
import { Submissions } from '../../assessment/submissions.service';
import { LessonCompletions } from '../../cohort/lesson-completions.service';
import { CohortFactsSource } from '../../reporting/ports/cohort-facts.source';
import { Placements } from '../../reporting/placements/placements.service';
import { DEMO_STAGES, DemoAnswer, DemoStage } from './demo-progress';
import { principalOf } from './demo-principal';
import { DemoContext, DemoStep } from './demo-step';

/**
 * Trainees at different stages: lessons completed, submissions made (the worker grades them through
 * the outbox, like any submission), and two placements. Each submission is made only when the
 * trainee has none for that assessment yet; completions and placements are no-ops when present.
 */
export const progressStep: DemoStep = {
  name: 'trainee progress, submissions and placements',
  async run(ctx: DemoContext) {
    if (!ctx.cohort) throw new Error('seed:demo: the cohort step runs before the progress step');
    const reporting = (await ctx.app.get(CohortFactsSource, { strict: false }).cohort(ctx.cohort.id)) !== null;
    for (const stage of DEMO_STAGES) {
      const enrolled = ctx.cohort.enrollments.get(stage.key);
      if (!enrolled) continue;
      // A completed enrollment has its lessons and submissions done already (and takes no more).
      const active = enrolled.status === 'active';
      const lessons = active ? await completeLessons(ctx, stage, enrolled.courseCode) : 0;
      const submitted = active ? await submit(ctx, stage, enrolled.courseCode) : 0;
      const placed = stage.placement && reporting ? await place(ctx, stage) : false;
      ctx.log(`  ${stage.key.padEnd(10)} ${enrolled.courseCode} (${enrolled.status}): ${lessons} lessons newly completed, ${submitted} submissions made${placed ? ', placement recorded' : ''}`);
    }
    if (!reporting) ctx.log('  placements skipped: the reporting module is not connected to the cohort module in this build (its CohortFactsSource is unbound)');
  },
};

async function completeLessons(ctx: DemoContext, stage: DemoStage, courseCode: string): Promise<number> {
  const outline = ctx.courses.get(courseCode)!.outline;
  const modules = [...outline.modules].sort((a, b) => a.position - b.position);
  const lessonIds = stage.lessonsThroughModule === 'first'
    ? [modules[0].lessons[0].lessonId]
    : modules.slice(0, stage.lessonsThroughModule).flatMap((m) => m.lessons.map((l) => l.lessonId));
  const completions = ctx.app.get(LessonCompletions, { strict: false });
  const traineeId = principalOf(ctx, stage.key).userId;
  let made = 0;
  for (const lessonId of lessonIds) if (!(await completions.complete(traineeId, lessonId)).alreadyCompleted) made++;
  return made;
}

async function submit(ctx: DemoContext, stage: DemoStage, courseCode: string): Promise<number> {
  const course = ctx.courses.get(courseCode)!;
  const trainee = principalOf(ctx, stage.key);
  const attempts = ctx.app.get(Attempts, { strict: false });
  const submissions = ctx.app.get(Submissions, { strict: false });
  let made = 0;
  for (const { kind, answer } of stage.submissions) {
    const assessmentId = course.assessments[kind as AssessmentOutline['kind']];
    if (!assessmentId) throw new Error(`seed:demo: ${courseCode} has no ${kind} assessment`);
    const existing = await submissions.ownOf(await attempts.require(trainee.userId, assessmentId));
    if (existing.length > 0) {
      ctx.submissionIds.push(...existing.map((s) => s.id));
      continue;
    }
    const created = await submissions.submit(assessmentId, { answer: answerFor(ctx, answer, assessmentId, trainee.userId) }, trainee);
    ctx.submissionIds.push(created.id);
    made++;
  }
  return made;
}

function answerFor(ctx: DemoContext, answer: DemoAnswer, assessmentId: string, traineeId: string): Record<string, unknown> {
  if (!('perTraineeFlags' in answer)) return answer;
  const flags = ctx.app.get(FlagGrader, { strict: false });
  return { flags: (answer.perTraineeFlags as string[]).map((flagId) => flags.flagFor(assessmentId, flagId, traineeId)) };
}

async function place(ctx: DemoContext, stage: DemoStage): Promise<boolean> {
  try {
    await ctx.app.get(Placements, { strict: false }).create(principalOf(ctx, 'instructor-1'), ctx.cohort!.id, {
      // Today where the demo's people live (the schema's default zone for people and cohorts): a
      // placement may not start in the future, and between midnight UTC and midnight in Belize the
      // UTC date is tomorrow there.
      ...stage.placement!, startsOn: localDate(new Date(), DEFAULT_TIME_ZONE), traineeId: principalOf(ctx, stage.key).userId,
    });
    return true;
  } catch (error) {
    if (error instanceof ProblemException && error.slug === 'placement-exists') return false;
    throw error;
  }
}
