import { randomUUID } from 'node:crypto';
import { OrganisationDirectory } from '../src/organisation/organisation-directory.contract';
import { TalentPipeline } from '../src/talent/talent-pipeline.contract';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { describeOrganisationDirectoryContract } from './contracts/organisation-directory.contract-suite';
import { describeTalentPipelineContract } from './contracts/talent-pipeline.contract-suite';
import { FakeOrganisationDirectory } from './support/fakes/organisation-directory.fake';
import { FakeTalentPipeline } from './support/fakes/talent-pipeline.fake';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { createCohort } from './support/cohort-builders';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { startTestApp, TestApp } from './support/test-app';

/*
 * The fakes of the organisation and talent modules' contracts that reporting's tests use
 * (test/support/random-cohort.ts) answer as the modules do.
 */
async function must(answer: Promise<{ status: number; body: any; text: string }>, want: number, what: string) {
  const result = await answer;
  if (result.status !== want) throw new Error(`${what} failed: ${result.status} ${result.text}`);
  return result.body;
}

describeOrganisationDirectoryContract('the fake reporting’s tests use', async () => {
  const fake = new FakeOrganisationDirectory();
  return {
    directory: fake,
    add: async (name) => fake.add({ id: randomUUID(), name, retired: false }).id,
    retire: async (id) => void (fake.organisations.get(id)!.retired = true),
    close: async () => undefined,
  };
});

describeOrganisationDirectoryContract('the organisation module on Postgres', async () => {
  const t = await startTestApp({ env: { LOG_LEVEL: 'error' }, role: 'api' });
  const admin = await loginAdmin(t.api);
  return {
    directory: t.get<OrganisationDirectory>(OrganisationDirectory),
    add: async (name) => (await must(t.api.post('/api/v1/organisations', { name }, admin.token), 201, 'adding an organisation')).id,
    retire: async (id) => void (await must(t.api.post(`/api/v1/organisations/${id}/retire`, undefined, admin.token), 200, 'retiring an organisation')),
    close: () => t.close(),
  };
});

describeTalentPipelineContract('the fake reporting’s tests use', async () => {
  const fake = new FakeTalentPipeline();
  return {
    pipeline: fake,
    trainee: async () => randomUUID(),
    list: async (id) => fake.reach('listed', id),
    view: async (id) => fake.reach('viewed', id),
    shortlist: async (id) => fake.reach('shortlisted', id),
    interview: async (traineeId) => {
      fake.reach('interviewed', traineeId);
      const interviewRequestId = randomUUID();
      fake.hires.set(`pending:${interviewRequestId}`, { interviewRequestId, traineeId, cohortId: randomUUID(), organisationId: randomUUID(), roleTitle: 'SOC analyst', hiredAt: new Date(), recordedBy: randomUUID() });
      return interviewRequestId;
    },
    hire: async (interviewRequestId) => {
      const pending = fake.hires.get(`pending:${interviewRequestId}`)!;
      fake.hires.delete(`pending:${interviewRequestId}`);
      fake.recordHire({ ...pending, hiredAt: new Date() });
    },
    close: async () => undefined,
  };
});

describeTalentPipelineContract('the talent module on Postgres', async () => {
  const versions = new FakePublishedCourseVersions();
  const t: TestApp = await startTestApp({ env: { LOG_LEVEL: 'error' }, role: 'api', overrides: [{ provide: PublishedCourseVersions, useValue: versions }] });
  const admin = await loginAdmin(t.api);
  const organisation = await must(t.api.post('/api/v1/organisations', { name: `Caribe Contact ${randomUUID().slice(0, 8)}` }, admin.token), 201, 'adding the employer');
  const employer = await createUser(t.api, admin.token, ['employer'], { organisationId: organisation.id });
  const cohort = await createCohort(t.api, admin.token, versions, { status: 'running' });
  const trainees = new Map<string, TestPerson>();
  const outcome = (requestId: string, stage: string) =>
    must(t.api.post(`/api/v1/talent/interview-requests/${requestId}/outcomes`, { stage }, employer.token), 200, `recording ${stage}`);
  return {
    pipeline: t.get<TalentPipeline>(TalentPipeline),
    trainee: async () => {
      const person = await createUser(t.api, admin.token, ['trainee']);
      await must(t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: person.id }, admin.token), 201, 'enrolling');
      trainees.set(person.id, person);
      return person.id;
    },
    list: async (id) => void (await must(t.api.put('/api/v1/me/talent-profile', { statement: 'Ready to work.', availability: 'immediately', preferredRoles: [] }, trainees.get(id)!.token), 200, 'listing')),
    view: async (id) => void (await must(t.api.get(`/api/v1/talent/profiles/${id}`, employer.token), 200, 'viewing a profile')),
    shortlist: async (id) => void (await must(t.api.post('/api/v1/talent/shortlists', { roleTitle: 'SOC analyst', traineeId: id }, employer.token), 201, 'shortlisting')),
    interview: async (id) => {
      const request = await must(t.api.post('/api/v1/talent/interview-requests', { traineeId: id, roleTitle: 'SOC analyst', message: 'Meet us?' }, employer.token), 201, 'asking to an interview');
      await must(t.api.post(`/api/v1/me/interview-requests/${request.id}/answer`, { answer: 'accept' }, trainees.get(id)!.token), 200, 'accepting');
      await outcome(request.id, 'interviewed');
      return request.id;
    },
    hire: async (requestId) => {
      await outcome(requestId, 'offered');
      await outcome(requestId, 'hired');
    },
    close: () => t.close(),
  };
});
