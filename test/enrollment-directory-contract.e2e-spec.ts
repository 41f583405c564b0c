import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { EnrollmentDirectory } from '../src/cohort/enrollment-directory.contract';
import { CourseVersionOutline, PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { ProgressRecompute } from '../src/cohort/progress-recompute.service';
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
    completeModule: async (enrollmentId, moduleId) => void fake.completed.set(enrollmentId, [...(fake.completed.get(enrollmentId) ?? []), moduleId]),
    complete: async (enrollmentId) => void (fake.enrollments.get(enrollmentId)!.status = 'completed'),
    query: null,
    close: async () => undefined,
  };
});

describeEnrollmentDirectoryContract('the cohort module on Postgres', async () => {
  // Course versions come from the course module's fake: this suite is about the cohort module.
  const versions = new FakePublishedCourseVersions();
  const t = await startTestApp({ env: { LOG_LEVEL: 'error' }, role: 'api', overrides: [{ provide: PublishedCourseVersions, useValue: versions }] });
  const admin = await loginAdmin(t.api);
  // What completing a module needs: the trainee's session and the cohort's lessons.
  const tokens = new Map<string, string>();
  const outlines = new Map<string, CourseVersionOutline>();
  const enrollments = new Map<string, { cohortId: string; traineeId: string }>();
  const completeModule = async (enrollmentId: string, moduleId: string) => {
    const { cohortId, traineeId } = enrollments.get(enrollmentId)!;
    for (const { lessonId } of outlines.get(cohortId)!.modules.find((m) => m.moduleId === moduleId)!.lessons) {
      const done = await t.api.post(`/api/v1/lessons/${lessonId}/complete`, undefined, tokens.get(traineeId));
      if (done.status !== 200) throw new Error(`completing lesson ${lessonId} failed: ${done.status} ${done.text}`);
    }
    // The progress job, as the worker runs it (the api role runs no worker).
    await t.get<ClsService>(ClsService).run(() => t.get<ProgressRecompute>(ProgressRecompute).recompute(enrollmentId));
  };
  return {
    directory: t.get<EnrollmentDirectory>(EnrollmentDirectory),
    person: async (role) => {
      const person = await createUser(t.api, admin.token, [role]);
      tokens.set(person.id, person.token);
      return person.id;
    },
    runningCohort: async (instructorIds) => {
      const cohort = await createCohort(t.api, admin.token, versions, { status: 'running', instructorIds });
      outlines.set(cohort.id, cohort.outline);
      return { cohortId: cohort.id, courseVersionId: cohort.outline.versionId, moduleIds: cohort.outline.modules.map((m) => m.moduleId) };
    },
    enroll: async (cohortId, traineeId) => {
      const enrolled = await t.api.post(`/api/v1/cohorts/${cohortId}/enrollments`, { traineeId }, admin.token);
      if (enrolled.status !== 201) throw new Error(`enrolling failed: ${enrolled.status} ${enrolled.text}`);
      enrollments.set(enrolled.body.id, { cohortId, traineeId });
      return enrolled.body.id;
    },
    withdraw: async (enrollmentId) => {
      const withdrawn = await t.api.post(`/api/v1/enrollments/${enrollmentId}/withdraw`, { reason: 'contract suite' }, admin.token);
      if (withdrawn.status !== 200) throw new Error(`withdrawing failed: ${withdrawn.status} ${withdrawn.text}`);
    },
    completeModule,
    complete: async (enrollmentId) => {
      for (const { moduleId } of outlines.get(enrollments.get(enrollmentId)!.cohortId)!.modules) await completeModule(enrollmentId, moduleId);
      const [row] = await t.dataSource.query('SELECT status FROM enrollment WHERE id = $1', [enrollmentId]);
      if (row?.status !== 'completed') throw new Error(`every module done, yet the enrollment is ${row?.status}`);
    },
    query: (sql, params) => t.dataSource.query(sql, params),
    close: () => t.close(),
  };
});
