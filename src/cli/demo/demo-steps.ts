import { DemoStep } from './demo-step';
import { cohortStep } from './cohort.step';
import { coursesStep } from './courses.step';
import { drainStep } from './drain.step';
import { peopleStep } from './people.step';
import { progressStep } from './progress.step';
import { talentStep } from './talent.step';

/**
 * The demo programme, step by step, in order. Modules add their steps here as they land
 * (courses and their versions, a cohort with its roster, assessments and some submissions),
 * using the people made by the first step (`ctx.people.get('instructor-1')`, `'trainee-1'` ...).
 */
export const DEMO_STEPS: DemoStep[] = [peopleStep, coursesStep, cohortStep, progressStep, drainStep, talentStep];
