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
    runningCohort: async (instructorIds, unlock) => {
      const [cohortId, courseVersionId] = [randomUUID(), randomUUID()];
      const moduleIds = [randomUUID(), randomUUID()];
      fake.addCohort(cohortId, [courseVersionId]);
      for (const id of instructorIds) fake.addInstructor(cohortId, id);
      if (unlock === 'prerequisites') fake.setPrerequisites(cohortId, moduleIds[1], [moduleIds[0]]);
      else if (unlock) fake.setOffset(cohortId, moduleIds[1], unlock.afterDays);
      return { cohortId, courseVersionId, moduleIds };
    },
    enroll: async (cohortId, traineeId) => fake.enroll(traineeId, [...fake.cohorts.get(cohortId)!][0], { cohortId }).enrollmentId,
    withdraw: async (enrollmentId) => void (fake.enrollments.get(enrollmentId)!.status = 'withdrawn'),
    completeModule: async (enrollmentId, moduleId) => void fake.completed.set(enrollmentId, [...(fake.completed.get(enrollmentId) ?? []), moduleId]),
    completeLessons: async () => undefined,
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
  const moduleOf = (enrollmentId: string, moduleId: string) => outlines.get(enrollments.get(enrollmentId)!.cohortId)!.modules.find((m) => m.moduleId === moduleId)!;
  // The progress jobs, as the worker runs them (the api role runs no worker).
  const inCls = <T,>(work: () => Promise<T>) => t.get<ClsService>(ClsService).run(work);
  const progress = () => t.get<ProgressRecompute>(ProgressRecompute);
  const completeLessons = async (enrollmentId: string, moduleId: string) => {
    for (const { lessonId } of moduleOf(enrollmentId, moduleId).lessons) {
      const done = await t.api.post(`/api/v1/lessons/${lessonId}/complete`, undefined, tokens.get(enrollments.get(enrollmentId)!.traineeId));
      if (done.status !== 200) throw new Error(`completing lesson ${lessonId} failed: ${done.status} ${done.text}`);
    }
    await inCls(() => progress().recompute(enrollmentId));
  };
  const completeModule = async (enrollmentId: string, moduleId: string) => {
    await completeLessons(enrollmentId, moduleId);
    // A pass of each required assessment, as the assessment-graded event records it.
    for (const { assessmentId, maxScore } of moduleOf(enrollmentId, moduleId).assessments.filter((a) => a.required)) {
      await inCls(() => progress().recordGrade({ submissionId: randomUUID(), enrollmentId, assessmentId, passed: true, score: maxScore, maxScore, gradedAt: new Date().toISOString() }));
    }
    await inCls(() => progress().recompute(enrollmentId));
  };
  return {
    directory: t.get<EnrollmentDirectory>(EnrollmentDirectory),
    person: async (role) => {
      const person = await createUser(t.api, admin.token, [role]);
      tokens.set(person.id, person.token);
      return person.id;
    },
    runningCohort: async (instructorIds, unlock) => {
      const gated = unlock === 'prerequisites';
      const cohort = await createCohort(t.api, admin.token, versions, {
        status: 'running',
        instructorIds,
        unlockMode: gated ? 'prerequisites' : 'schedule',
        offsets: unlock && !gated ? { 1: unlock.afterDays } : {},
        ...(gated ? { shape: { modules: [{ lessons: 2, requiredAssessments: 1 }, { lessons: 2, prerequisites: [0] }] } } : {}),
      });
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
    completeLessons,
    complete: async (enrollmentId) => {
      for (const { moduleId } of outlines.get(enrollments.get(enrollmentId)!.cohortId)!.modules) await completeModule(enrollmentId, moduleId);
      const [row] = await t.dataSource.query('SELECT status FROM enrollment WHERE id = $1', [enrollmentId]);
      if (row?.status !== 'completed') throw new Error(`every module done, yet the enrollment is ${row?.status}`);
    },
    query: (sql, params) => t.dataSource.query(sql, params),
    close: () => t.close(),
  };
});
