import { randomUUID } from 'node:crypto';
import { ActivityFact, CohortFactsSource, latestPerWeek, WEEK_MS } from '../../src/reporting/ports/cohort-facts.source';
import { EmptyCohort, ReportingWorld } from './reporting-world';

export interface CohortFactsStand {
  source: CohortFactsSource;
  world(): Promise<ReportingWorld>;
  emptyCohort(): Promise<EmptyCohort>;
  close(): Promise<void>;
}

const nonDecreasing = (dates: Date[]) => dates.every((d, i) => i === 0 || dates[i - 1].getTime() <= d.getTime());

/**
 * What reporting relies on of CohortFactsSource (test/reporting-facts-contract.e2e-spec.ts runs it
 * against FakeCohortFacts and against the cohort module behind CohortFactsAdapter).
 */
export function describeCohortFactsContract(name: string, makeStand: () => Promise<CohortFactsStand>): void {
  describe(`CohortFactsSource contract: ${name}`, () => {
    let stand: CohortFactsStand;
    let world: ReportingWorld;
    let empty: EmptyCohort;
    beforeAll(async () => {
      stand = await makeStand();
      world = await stand.world();
      empty = await stand.emptyCohort();
    });
    afterAll(() => stand?.close());

    it('describes the cohort: its name, instructors, the versions it teaches with course and track, its dates and zone; nothing for an unknown cohort', async () => {
      expect(await stand.source.cohort(world.cohortId)).toEqual({
        cohortId: world.cohortId,
        name: world.cohortName,
        instructorIds: [world.instructorId],
        courseVersions: [{ versionId: world.versionId, courseCode: expect.any(String), courseTitle: world.courseTitle, trackCode: world.trackCode }],
        startsAt: expect.any(Date),
        endsAt: expect.any(Date),
        timeZone: 'America/Belize',
      });
      expect(await stand.source.cohort(randomUUID())).toBeNull();
    });

    it('lists every cohort, the latest start first', async () => {
      const ids = await stand.source.listCohortIds();
      expect(ids).toEqual(expect.arrayContaining([world.cohortId, empty.cohortId]));
      expect(ids.indexOf(empty.cohortId)).toBeLessThan(ids.indexOf(world.cohortId));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('answers each application once with its status, in the order they were submitted', async () => {
      const applications = await stand.source.applications(world.cohortId);
      expect(applications.map((a) => [a.traineeId, a.status]).sort()).toEqual(
        [[world.certified.traineeId, 'accepted'], [world.failed.traineeId, 'accepted'], [world.rejectedTraineeId, 'rejected']].sort(),
      );
      expect(applications.every((a) => a.submittedAt instanceof Date && a.submittedAt >= world.before)).toBe(true);
      expect(nonDecreasing(applications.map((a) => a.submittedAt))).toBe(true);
    });

    it('answers the enrollments of accepted trainees only, with status, progress 0..100 and completion, in the order of enrolment', async () => {
      const enrollments = await stand.source.enrollments(world.cohortId);
      expect(enrollments).toHaveLength(2);
      expect(nonDecreasing(enrollments.map((e) => e.enrolledAt))).toBe(true);
      const byId = new Map(enrollments.map((e) => [e.enrollmentId, e]));
      expect(byId.get(world.certified.enrollmentId)).toEqual({
        enrollmentId: world.certified.enrollmentId, traineeId: world.certified.traineeId, courseVersionId: world.versionId, status: 'completed',
        enrolledAt: expect.any(Date), completedAt: expect.any(Date), percent: 100, lastActivityAt: expect.any(Date), atRisk: false,
      });
      const { lastActivityAt, ...failed } = byId.get(world.failed.enrollmentId)!;
      expect(failed).toEqual({
        enrollmentId: world.failed.enrollmentId, traineeId: world.failed.traineeId, courseVersionId: world.versionId, status: 'active',
        enrolledAt: expect.any(Date), completedAt: null, percent: expect.any(Number), atRisk: expect.any(Boolean),
      });
      expect(lastActivityAt === null || lastActivityAt instanceof Date).toBe(true);
      expect(failed.percent).toBeGreaterThan(0); // two of four lessons
      expect(failed.percent).toBeLessThan(100);
      const certified = byId.get(world.certified.enrollmentId)!;
      expect(certified.completedAt!.getTime()).toBeGreaterThanOrEqual(certified.enrolledAt.getTime());
      expect(typeof certified.percent).toBe('number');
    });

    it('answers each learning action (a lesson completed, an assessment graded) since a moment, and none since later', async () => {
      const activity = await stand.source.activity(world.cohortId, world.before);
      const count = (traineeId: string) => activity.filter((a) => a.traineeId === traineeId).length;
      expect(count(world.certified.traineeId)).toBe(6); // four lessons, two graded assessments
      expect(count(world.failed.traineeId)).toBe(3); // two lessons, one graded quiz
      expect(count(world.rejectedTraineeId)).toBe(0);
      expect(activity.every((a) => a.at instanceof Date && a.at >= world.before)).toBe(true);
      const latest = new Date(Math.max(...activity.map((a) => a.at.getTime())));
      expect(await stand.source.activity(world.cohortId, latest)).toEqual(activity.filter((a) => a.at.getTime() === latest.getTime()));
      expect(await stand.source.activity(world.cohortId, new Date(latest.getTime() + 1))).toEqual([]);
    });

    it('answers the latest learning action of each trainee in each week back from a moment, as reducing every action gives, to the millisecond', async () => {
      const all = await stand.source.activity(world.cohortId, world.before);
      const latest = Math.max(...all.map((a) => a.at.getTime()));
      const earliest = Math.min(...all.map((a) => a.at.getTime()));
      const key = (a: ActivityFact) => `${a.traineeId}@${a.at.toISOString()}`;
      const sorted = (list: ActivityFact[]) => list.map(key).sort();
      // Window edges on an action itself, a millisecond either side, and weeks before and after.
      const untils = [latest, latest - 1, latest + 1, earliest, earliest - 1, earliest + WEEK_MS, earliest + WEEK_MS - 1, latest + 3 * WEEK_MS, Date.now()];
      for (const until of untils.map((ms) => new Date(ms))) {
        for (const weeks of [1, 2, 8]) {
          const since = new Date(until.getTime() - weeks * WEEK_MS);
          expect(sorted(await stand.source.weeklyActivity(world.cohortId, until, weeks))).toEqual(sorted(latestPerWeek(await stand.source.activity(world.cohortId, since), until, weeks)));
        }
      }
      expect(await stand.source.weeklyActivity(world.cohortId, new Date(earliest - 1), 8)).toEqual([]);
      expect((await stand.source.weeklyActivity(world.cohortId, new Date(latest), 8)).length).toBeGreaterThan(0);
    });

    it('answers an empty cohort with no applications, enrollments or activity, and an unknown one likewise', async () => {
      for (const cohortId of [empty.cohortId, randomUUID()]) {
        expect(await stand.source.applications(cohortId)).toEqual([]);
        expect(await stand.source.enrollments(cohortId)).toEqual([]);
        expect(await stand.source.activity(cohortId, world.before)).toEqual([]);
        expect(await stand.source.weeklyActivity(cohortId, new Date(), 8)).toEqual([]);
      }
      expect(await stand.source.cohort(empty.cohortId)).toMatchObject({ cohortId: empty.cohortId, startsAt: empty.startsAt });
    });
  });
}
