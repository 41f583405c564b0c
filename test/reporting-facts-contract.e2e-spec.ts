import { randomUUID } from 'node:crypto';
import { waitFor } from '@gds/testing';
import { AssessmentFactsSource } from '../src/reporting/ports/assessment-facts.source';
import { CertificateFactsSource } from '../src/reporting/ports/certificate-facts.source';
import { CohortFactsSource } from '../src/reporting/ports/cohort-facts.source';
import { REVOCATION_REASON_CODES } from '../src/certification/revocation-reasons';
import { describeAssessmentFactsContract } from './contracts/assessment-facts.contract-suite';
import { describeCertificateFactsContract } from './contracts/certificate-facts.contract-suite';
import { describeCohortFactsContract } from './contracts/cohort-facts.contract-suite';
import { EmptyCohort, ReportingWorld } from './contracts/reporting-world';
import { QUIZ_WRONG } from './support/assessment-builders';
import { applyTo, buildProgramme, completeLessons, decide, openCohort, QUIZ_RIGHT, setStatus, SQL_RIGHT, submitGraded } from './support/journey-builders';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { ReportingFakes } from './support/reporting-builders';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 24 * 60 * 60 * 1000;

/*
 * Reporting's three ports, each against its one fake (test/support/fakes) and against the real
 * modules behind reporting's adapters on a test database. The fake's world is written as the real
 * modules report it; the real world is built once over HTTP (no fakes, no overrides) and read by
 * all three real suites.
 */

// ---- the fakes ------------------------------------------------------------------------------

/** The world of ReportingWorld written into the reporting fakes, as the real modules would report it. */
function fakeWorld(fakes: ReportingFakes): { world: ReportingWorld; emptyCohort: EmptyCohort } {
  const before = new Date(Date.now() - 10 * DAY);
  const at = (days: number) => new Date(before.getTime() + days * DAY);
  const [cohortId, versionId, instructorId] = [randomUUID(), randomUUID(), randomUUID()];
  const world: ReportingWorld = {
    cohortId, cohortName: 'Data cohort fake', versionId, courseTitle: 'Data Analysis with SQL', trackCode: 'data-analysis', instructorId,
    quiz: { assessmentId: randomUUID(), title: 'Data basics quiz', skillCodes: ['DATA-01'] },
    sql: { assessmentId: randomUUID(), title: 'Sales by region', skillCodes: ['DATA-02'] },
    certified: { traineeId: randomUUID(), enrollmentId: randomUUID() },
    failed: { traineeId: randomUUID(), enrollmentId: randomUUID() },
    rejectedTraineeId: randomUUID(),
    before,
  };
  const version = { versionId, courseCode: 'DATA-101', courseTitle: world.courseTitle, trackCode: world.trackCode };
  fakes.cohorts.cohorts.set(cohortId, { cohortId, name: world.cohortName, instructorIds: [instructorId], courseVersions: [version], startsAt: at(1), endsAt: at(60), timeZone: 'America/Belize' });
  const empty: EmptyCohort = { cohortId: randomUUID(), startsAt: at(30) };
  fakes.cohorts.cohorts.set(empty.cohortId, { cohortId: empty.cohortId, name: 'Empty', instructorIds: [instructorId], courseVersions: [version], startsAt: empty.startsAt, endsAt: at(90), timeZone: 'America/Belize' });
  // Stored out of order on purpose: the contract orders by submission and by enrolment.
  fakes.cohorts.applicationsOf.set(cohortId, [
    { traineeId: world.rejectedTraineeId, status: 'rejected', submittedAt: at(0.3) },
    { traineeId: world.certified.traineeId, status: 'accepted', submittedAt: at(0.1) },
    { traineeId: world.failed.traineeId, status: 'accepted', submittedAt: at(0.2) },
  ]);
  fakes.cohorts.enrollmentsOf.set(cohortId, [
    { enrollmentId: world.failed.enrollmentId, traineeId: world.failed.traineeId, courseVersionId: versionId, status: 'active', enrolledAt: at(1.1), completedAt: null, percent: 50, lastActivityAt: at(3), atRisk: false },
    { enrollmentId: world.certified.enrollmentId, traineeId: world.certified.traineeId, courseVersionId: versionId, status: 'completed', enrolledAt: at(1), completedAt: at(5), percent: 100, lastActivityAt: at(5), atRisk: false },
  ]);
  fakes.cohorts.activityOf.set(cohortId, [
    ...[2, 2.1, 2.2, 4, 4.1, 5].map((d) => ({ traineeId: world.certified.traineeId, at: at(d) })),
    ...[2.5, 2.6, 3].map((d) => ({ traineeId: world.failed.traineeId, at: at(d) })),
  ]);
  fakes.assessments.allAssessments.push(
    { assessmentId: world.quiz.assessmentId, versionId, title: world.quiz.title, skillCodes: world.quiz.skillCodes },
    { assessmentId: world.sql.assessmentId, versionId, title: world.sql.title, skillCodes: world.sql.skillCodes },
  );
  fakes.assessments.allResults.push(
    { enrollmentId: world.certified.enrollmentId, assessmentId: world.quiz.assessmentId, passed: true, bestScore: 100, maxScore: 100 },
    { enrollmentId: world.certified.enrollmentId, assessmentId: world.sql.assessmentId, passed: true, bestScore: 100, maxScore: 100 },
    { enrollmentId: world.failed.enrollmentId, assessmentId: world.quiz.assessmentId, passed: false, bestScore: 0, maxScore: 100 },
  );
  fakes.assessments.scores.set(world.certified.enrollmentId, 100);
  fakes.assessments.scores.set(world.failed.enrollmentId, 0);
  fakes.certificates.all.push({ enrollmentId: world.certified.enrollmentId, traineeId: world.certified.traineeId, issuedAt: at(5), revokedAt: null });
  return { world, emptyCohort: empty };
}

function fakeStand() {
  const fakes = new ReportingFakes();
  const { world, emptyCohort } = fakeWorld(fakes);
  return { fakes, world: async () => world, emptyCohort: async () => emptyCohort, close: async () => undefined };
}

describeCohortFactsContract('the fake reporting’s tests use', async () => {
  const stand = fakeStand();
  return { ...stand, source: stand.fakes.cohorts };
});
describeAssessmentFactsContract('the fake reporting’s tests use', async () => {
  const stand = fakeStand();
  return { ...stand, source: stand.fakes.assessments };
});
describeCertificateFactsContract('the fake reporting’s tests use', async () => {
  const stand = fakeStand();
  const world = await stand.world();
  const revokeCertified = async () => {
    const certificate = stand.fakes.certificates.all.find((c) => c.enrollmentId === world.certified.enrollmentId)!;
    certificate.revokedAt = new Date();
  };
  return { ...stand, source: stand.fakes.certificates, revokeCertified };
});

// ---- the real modules -----------------------------------------------------------------------

interface RealWorld {
  t: TestApp;
  admin: TestPerson;
  world: ReportingWorld;
  certificateId: string;
}

let real: Promise<RealWorld> | undefined;

/** The whole world over HTTP through the real modules and workers, built once for the three real suites. */
function realWorld(): Promise<RealWorld> {
  real ??= (async () => {
    const t = await startTestApp({ env: { LOG_LEVEL: 'error' } });
    const before = new Date();
    const admin = await loginAdmin(t.api);
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const [certified, failed, rejected] = [
      await createUser(t.api, admin.token, ['trainee']),
      await createUser(t.api, admin.token, ['trainee']),
      await createUser(t.api, admin.token, ['trainee']),
    ];
    const programme = await buildProgramme(t.api, instructor);
    const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id], 5);
    const applications = [await applyTo(t.api, cohort.id, certified), await applyTo(t.api, cohort.id, failed), await applyTo(t.api, cohort.id, rejected)];
    await decide(t.api, instructor, applications[0], 'accept');
    await decide(t.api, instructor, applications[1], 'accept');
    await decide(t.api, instructor, applications[2], 'reject', 'not enough experience yet');
    await setStatus(t.api, admin, cohort.id, 'running');
    const enrollmentOf = async (trainee: TestPerson): Promise<string> => {
      const mine = (await t.api.get('/api/v1/me/enrollments', trainee.token)).body;
      return (Array.isArray(mine) ? mine : mine.items).find((e: { cohortId: string }) => e.cohortId === cohort.id).id;
    };
    const world: ReportingWorld = {
      cohortId: cohort.id, cohortName: cohort.name, versionId: programme.versionId, courseTitle: 'Data Analysis with SQL', trackCode: 'data-analysis',
      instructorId: instructor.id,
      quiz: { assessmentId: programme.quizId, title: 'Data basics quiz', skillCodes: [programme.skillCodes[0]] },
      sql: { assessmentId: programme.sqlId, title: 'Sales by region', skillCodes: [programme.skillCodes[1]] },
      certified: { traineeId: certified.id, enrollmentId: await enrollmentOf(certified) },
      failed: { traineeId: failed.id, enrollmentId: await enrollmentOf(failed) },
      rejectedTraineeId: rejected.id,
      before,
    };
    await completeLessons(t.api, certified, programme.modules[0].lessonIds);
    await submitGraded(t.api, certified, programme.quizId, QUIZ_RIGHT);
    await completeLessons(t.api, certified, programme.modules[1].lessonIds);
    await submitGraded(t.api, certified, programme.sqlId, SQL_RIGHT);
    await completeLessons(t.api, failed, programme.modules[0].lessonIds);
    await submitGraded(t.api, failed, programme.quizId, QUIZ_WRONG);
    const certificate = await waitFor(async () => (await t.api.get('/api/v1/me/certificates', certified.token)).body.items[0], { what: 'the certificate of the certified trainee', timeoutMs: 60_000 });
    await waitFor(async () => {
      const enrollment = (await t.api.get(`/api/v1/enrollments/${world.certified.enrollmentId}`, certified.token)).body;
      return enrollment.status === 'completed' ? enrollment : null;
    }, { what: 'the certified trainee’s enrollment completed', timeoutMs: 60_000 });
    return { t, admin, world, certificateId: certificate.id as string };
  })();
  return real;
}

afterAll(async () => {
  if (real) await (await real).t.close();
});

describeCohortFactsContract('the cohort and course modules on Postgres, through CohortFactsAdapter', async () => {
  const { t, admin, world } = await realWorld();
  return {
    source: t.get<CohortFactsSource>(CohortFactsSource),
    world: async () => world,
    emptyCohort: async () => {
      const startsAt = new Date(Math.ceil((Date.now() + 30 * DAY) / 1000) * 1000);
      const cohort = await openCohort(t.api, admin, world.versionId, [world.instructorId], 5, { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 60 * DAY).toISOString() });
      return { cohortId: cohort.id, startsAt };
    },
    close: async () => undefined,
  };
});
describeAssessmentFactsContract('the assessment and course modules on Postgres, through AssessmentFactsAdapter', async () => {
  const { t, world } = await realWorld();
  return { source: t.get<AssessmentFactsSource>(AssessmentFactsSource), world: async () => world, close: async () => undefined };
});
describeCertificateFactsContract('the certification module on Postgres, through CertificateFactsAdapter', async () => {
  const { t, admin, world, certificateId } = await realWorld();
  return {
    source: t.get<CertificateFactsSource>(CertificateFactsSource),
    world: async () => world,
    revokeCertified: async () => {
      const answer = await t.api.post(`/api/v1/certificates/${certificateId}/revoke`, { reasonCode: REVOCATION_REASON_CODES[0] }, admin.token);
      if (answer.status !== 200) throw new Error(`revoking failed: ${answer.status} ${answer.text}`);
    },
    close: async () => undefined,
  };
});
