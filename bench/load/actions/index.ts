import { LoadAction } from '../load-context';
import { readMe, refreshTokens, signInAgain, updateProfile } from './identity.actions';
import { browseOpenRoutes } from './discovered.actions';
import { browseCatalogue, completeLesson, openLesson, submitQuiz } from './learning.actions';

/**
 * The mixed workload of `npm run bench:load`. Each virtual user repeatedly picks an action by
 * weight. Modules add theirs as they land (one file per module in this folder), e.g.
 *   course:     browseCatalogue (GET /tracks, GET /courses/:id/outline), openLesson (GET /lessons/:id)
 *   cohort:     completeLesson (POST /lessons/:id/complete) — `prepare` enrols every user in a cohort
 *   assessment: submitQuiz (POST /assessments/:id/submissions) — grading lag is then measured by
 *               polling the submission until graded (record it with ctx.call under 'grading lag'
 *               or extend run-load's lag probe)
 */
export const LOAD_ACTIONS: LoadAction[] = [
  readMe,
  updateProfile,
  refreshTokens,
  signInAgain,
  browseOpenRoutes,
  browseCatalogue,
  openLesson,
  completeLesson,
  submitQuiz,
];
