import { randomUUID } from 'node:crypto';
import { EnrollmentDirectory } from '../src/cohort/enrollment-directory.contract';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { describeEnrollmentDirectoryContract } from './contracts/enrollment-directory.contract-suite';
import { FakeEnrollmentDirectory } from './support/fakes/enrollment-directory.fake';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { createCohort } from './support/cohort-builders';
import { createUser, loginAdmin } from './support/people';
import { startTestApp } from './support/test-app';

describeEnrollmentDirectoryContract('the fake other modules’ tests use', async () => {
  const fake = new FakeEnrollmentDirectory();
  return {
    directory: fake,
    person: async () => randomUUID(),
    runningCohort: async (instructorIds) => {
      const [cohortId, courseVersionId] = [randomUUID(), randomUUID()];
      fake.addCohort(cohortId, [courseVersionId]);
      for (const id of instructorIds) fake.addInstructor(cohortId, id);
      return { cohortId, courseVersionId, moduleIds: [randomUUID(), randomUUID()] };
    },
    enroll: async (cohortId, traineeId) => fake.enroll(traineeId, [...fake.cohorts.get(cohortId)!][0], { cohortId }).enrollmentId,
    withdraw: async (enrollmentId) => void (fake.enrollments.get(enrollmentId)!.status = 'withdrawn'),
    close: async () => undefined,
  };
});

describeEnrollmentDirectoryContract('the cohort module on Postgres', async () => {
  // Course versions come from the course module's fake: this suite is about the cohort module.
  const versions = new FakePublishedCourseVersions();
  const t = await startTestApp({ env: { LOG_LEVEL: 'error' }, role: 'api', overrides: [{ provide: PublishedCourseVersions, useValue: versions }] });
  const admin = await loginAdmin(t.api);
  return {
    directory: t.get<EnrollmentDirectory>(EnrollmentDirectory),
    person: async (role) => (await createUser(t.api, admin.token, [role])).id,
    runningCohort: async (instructorIds) => {
      const cohort = await createCohort(t.api, admin.token, versions, { status: 'running', instructorIds });
      return { cohortId: cohort.id, courseVersionId: cohort.outline.versionId, moduleIds: cohort.outline.modules.map((m) => m.moduleId) };
    },
    enroll: async (cohortId, traineeId) => {
      const enrolled = await t.api.post(`/api/v1/cohorts/${cohortId}/enrollments`, { traineeId }, admin.token);
      if (enrolled.status !== 201) throw new Error(`enrolling failed: ${enrolled.status} ${enrolled.text}`);
      return enrolled.body.id;
    },
    withdraw: async (enrollmentId) => {
      const withdrawn = await t.api.post(`/api/v1/enrollments/${enrollmentId}/withdraw`, { reason: 'contract suite' }, admin.token);
      if (withdrawn.status !== 200) throw new Error(`withdrawing failed: ${withdrawn.status} ${withdrawn.text}`);
    },
    close: () => t.close(),
  };
});
