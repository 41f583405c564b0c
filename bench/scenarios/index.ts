import { BenchScenario } from '../harness/bench-context';
import { cohortOutcomesScenario } from './cohort-outcomes.scenario';
import { cohortRosterScenario } from './cohort-roster';
import { coldStartScenario } from './cold-start.scenario';
import { courseOutlineScenario } from './course-outline';
import { lessonScenario } from './lesson';
import { meScenario } from './me';
import { meEnrollmentsScenario } from './me-enrollments';
import { notificationFanoutScenario } from './notification-fanout.scenario';
import { sqlGradingScenario } from './sql-grading.scenario';
import { quizGradingScenario } from './quiz-grading.scenario';
import { trialRunScenario } from './trial-run.scenario';
import { webHomeScenario } from './web-home.scenario';
import { talentSearchScenario } from './talent-search.scenario';
import { scaleScenario } from './scale.scenario';

/**
 * Every benchmark scenario by name: `npm run bench` runs them all in this order,
 * `npm run bench -- <name>` runs one. Add a scenario file beside this one and one line here.
 */
export const SCENARIOS: Record<string, BenchScenario<any>> = {
  me: meScenario,
  'course-outline': courseOutlineScenario,
  'cohort-roster': cohortRosterScenario,
  'me-enrollments': meEnrollmentsScenario,
  lesson: lessonScenario,
  'notification-fanout': notificationFanoutScenario,
  'quiz-grading': quizGradingScenario,
  'sql-grading': sqlGradingScenario,
  'trial-run': trialRunScenario,
  'cohort-outcomes': cohortOutcomesScenario,
  'web-home': webHomeScenario,
  'talent-search': talentSearchScenario,
  scale: scaleScenario,
  'cold-start': coldStartScenario,
};
