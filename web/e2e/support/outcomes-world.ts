import { randomBytes } from 'node:crypto';
import type { ApiHelper, Person } from './api-helper.ts';
import { buildLearningWorld, passQuiz, startCohort, type LearningWorld } from './learning-world.ts';

/**
 * A running cohort with outcomes to report: `size` trainees applied and were accepted, `passing`
 * of them passed the quiz; and a reviewer (the consortium's role) who reads the reports.
 */
export async function buildOutcomesWorld(api: ApiHelper, size: number, passing: number): Promise<{ world: LearningWorld; reviewer: Person; trainees: Person[] }> {
  const admin = await api.asAdmin();
  const world = await buildLearningWorld(api);
  const trainees: Array<Person & { token: string }> = [];
  for (let i = 0; i < size; i++) {
    const person = await api.registerTrainee(`Outcome Trainee ${i + 1}`);
    const token = await api.tokenOf(person.email, person.password);
    const application = await api.call('POST', `/api/v1/cohorts/${world.cohortId}/applications`, token, {
      statement: 'I work nights at a contact centre and want a career in security.',
      answers: [{ questionId: 'q1', answer: 'Six hours a week' }],
    });
    await api.call('POST', `/api/v1/applications/${application.id}/decision`, admin, { decision: 'accept', reason: 'Meets the criteria' });
    trainees.push({ ...person, token });
  }
  await startCohort(api, admin, world.cohortId);
  for (const trainee of trainees.slice(0, passing)) await passQuiz(api, world, trainee.token);
  const password = 'reviewer-password-1';
  const email = `reviewer-${randomBytes(4).toString('hex')}@gds.test`;
  const created = await api.call('POST', '/api/v1/users', admin, { email, displayName: 'Rita Reviewer', roles: ['reviewer'], password });
  return { world, reviewer: { id: created.id, email, password, displayName: 'Rita Reviewer' }, trainees };
}
