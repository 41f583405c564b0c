import { randomUUID } from 'node:crypto';
import { EnrollmentDirectory } from '../../src/cohort/enrollment-directory.contract';

/**
 * A provider of EnrollmentDirectory with the means to make what it answers about: the fake makes
 * them in memory, the cohort module through its HTTP API on a test database.
 */
export interface EnrollmentDirectoryStand {
  directory: EnrollmentDirectory;
  /** A person who may be enrolled or instruct (a real provider needs the account). */
  person(role: 'trainee' | 'instructor'): Promise<string>;
  /**
   * A running cohort (started yesterday, modules unlocking at the start) over a fresh published
   * version of two modules. `unlock` makes the second module wait: `{ afterDays }`, on the schedule,
   * that many days after the start; 'prerequisites', the cohort unlocks by prerequisites and the
   * second module needs the first, which has lessons and a required assessment.
   */
  runningCohort(instructorIds: string[], unlock?: { afterDays: number } | 'prerequisites'): Promise<{ cohortId: string; courseVersionId: string; moduleIds: string[] }>;
  /** An active enrollment of the trainee in the cohort; answers its id. */
  enroll(cohortId: string, traineeId: string): Promise<string>;
  withdraw(enrollmentId: string): Promise<void>;
  /**
   * Records the module done for the enrollment (a real provider: every lesson of it completed by the
   * trainee and every required assessment passed, progress recomputed).
   */
  completeModule(enrollmentId: string, moduleId: string): Promise<void>;
  /**
   * Only the module's lessons completed, not its assessments: a module with a required assessment is
   * not done (the fake, which knows modules only whole, records nothing).
   */
  completeLessons(enrollmentId: string, moduleId: string): Promise<void>;
  /** Makes the enrollment completed (a real provider: every module of it done, which completes it). */
  complete(enrollmentId: string): Promise<void>;
  /** Runs a statement on the database the provider answers from (to evaluate its SQL forms); null for one without a database. */
  query: ((sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>) | null;
  close(): Promise<void>;
}

/**
 * What every EnrollmentDirectory does, whoever provides it. Runs against the fake the other
 * modules' tests use and against the cohort module (test/enrollment-directory-contract.e2e-spec.ts),
 * so a fake that drifts from the real answers fails here, not in a test that trusted it.
 */
export function describeEnrollmentDirectoryContract(name: string, makeStand: () => Promise<EnrollmentDirectoryStand>): void {
  describe(`EnrollmentDirectory contract: ${name}`, () => {
    let stand: EnrollmentDirectoryStand;

    /** Four trainees of one running cohort — active, completed, withdrawn, and one never enrolled — and another running cohort. */
    async function fourStandings() {
      const [active, graduate, leaver, stranger] = [await stand.person('trainee'), await stand.person('trainee'), await stand.person('trainee'), await stand.person('trainee')];
      const [cohort, other] = [await stand.runningCohort([]), await stand.runningCohort([])];
      await stand.enroll(cohort.cohortId, active);
      await stand.complete(await stand.enroll(cohort.cohortId, graduate));
      await stand.withdraw(await stand.enroll(cohort.cohortId, leaver));
      return { active, graduate, leaver, stranger, cohort, other };
    }
    let directory: EnrollmentDirectory;
    beforeAll(async () => {
      stand = await makeStand();
      directory = stand.directory;
    });
    afterAll(() => stand?.close());

    it('answers an enrollment as made, and null for an id that names none', async () => {
      const trainee = await stand.person('trainee');
      const cohort = await stand.runningCohort([]);
      const enrollmentId = await stand.enroll(cohort.cohortId, trainee);
      const ref = await directory.getEnrollment(enrollmentId);
      expect(ref).toMatchObject({ enrollmentId, cohortId: cohort.cohortId, traineeId: trainee, courseVersionId: cohort.courseVersionId, status: 'active' });
      expect(ref!.enrolledAt).toBeInstanceOf(Date);
      expect(ref!.cohortStartsAt.getTime()).toBeLessThan(Date.now());
      expect(ref!.cohortEndsAt.getTime()).toBeGreaterThan(ref!.cohortStartsAt.getTime());
      expect(await directory.getEnrollment(randomUUID())).toBeNull();
    });

    it('answers those of several enrollments that exist, each once', async () => {
      const cohort = await stand.runningCohort([]);
      const ids = [await stand.enroll(cohort.cohortId, await stand.person('trainee')), await stand.enroll(cohort.cohortId, await stand.person('trainee'))];
      const found = await directory.getEnrollments([ids[1], randomUUID(), ids[0], ids[1]]);
      expect(found.map((e) => e.enrollmentId).sort()).toEqual([...ids].sort());
      expect(await directory.getEnrollments([])).toEqual([]);
    });

    it('answers a trainee’s enrollments newest first, whatever their status, and a cohort’s enrollments', async () => {
      const trainee = await stand.person('trainee');
      const [first, second] = [await stand.runningCohort([]), await stand.runningCohort([])];
      const older = await stand.enroll(first.cohortId, trainee);
      const newer = await stand.enroll(second.cohortId, trainee);
      await stand.withdraw(older);
      expect((await directory.enrollmentsOf(trainee)).map((e) => [e.enrollmentId, e.status])).toEqual([[newer, 'active'], [older, 'withdrawn']]);
      expect(await directory.enrollmentsOf(await stand.person('trainee'))).toEqual([]);
      const classmate = await stand.enroll(second.cohortId, await stand.person('trainee'));
      expect((await directory.enrollmentsOfCohort(second.cohortId)).map((e) => e.enrollmentId).sort()).toEqual([newer, classmate].sort());
      expect(await directory.enrollmentsOfCohort(randomUUID())).toEqual([]);
    });

    it('knows a cohort without enrollments, and no cohort for an id that names none', async () => {
      const cohort = await stand.runningCohort([]);
      expect(await directory.cohortExists(cohort.cohortId)).toBe(true);
      expect(await directory.cohortExists(randomUUID())).toBe(false);
    });

    it('answers a cohort’s instructors, and whom they instruct with which version', async () => {
      const [ana, ben] = [await stand.person('instructor'), await stand.person('instructor')];
      const trainee = await stand.person('trainee');
      const cohort = await stand.runningCohort([ana, ben]);
      const other = await stand.runningCohort([ben]);
      expect(await directory.instructorsOf(cohort.cohortId)).toEqual([ana, ben].sort());
      expect(await directory.instructorsOf(randomUUID())).toEqual([]);
      expect(await directory.isCohortInstructor(ana, cohort.cohortId)).toBe(true);
      expect(await directory.isCohortInstructor(ana, other.cohortId)).toBe(false);
      expect(await directory.isCohortInstructor(trainee, cohort.cohortId)).toBe(false);
      // Cohorts without a single enrollment count: an instructor prepares before trainees arrive.
      expect(await directory.courseVersionsInstructedBy(ana)).toEqual([{ cohortId: cohort.cohortId, courseVersionId: cohort.courseVersionId }]);
      expect(await directory.courseVersionsInstructedBy(ben)).toEqual(
        [{ cohortId: cohort.cohortId, courseVersionId: cohort.courseVersionId }, { cohortId: other.cohortId, courseVersionId: other.courseVersionId }].sort((a, b) => (a.cohortId < b.cohortId ? -1 : 1)),
      );
      expect(await directory.courseVersionsInstructedBy(trainee)).toEqual([]);
    });

    it('answers a fresh enrollment’s modules: open from the cohort start, none completed; nothing for an unknown enrollment', async () => {
      const cohort = await stand.runningCohort([]);
      const enrollmentId = await stand.enroll(cohort.cohortId, await stand.person('trainee'));
      const ref = (await directory.getEnrollment(enrollmentId))!;
      expect(await directory.moduleUnlockAt(enrollmentId, cohort.moduleIds[0])).toEqual(ref.cohortStartsAt);
      expect(await directory.moduleLock(enrollmentId, cohort.moduleIds[0])).toBeNull();
      expect(await directory.completedModules(enrollmentId)).toEqual([]);
      const unknown = randomUUID();
      expect(await directory.moduleUnlockAt(unknown, cohort.moduleIds[0])).toBeNull();
      expect(await directory.moduleLock(unknown, cohort.moduleIds[0])).toBeNull();
      expect(await directory.completedModules(unknown)).toEqual([]);
      // Both answers in one: the enrollment as getEnrollment answers it, with completedModules' ids.
      expect(await directory.enrollmentWithCompletedModules(enrollmentId)).toEqual({ ...ref, completedModuleIds: [] });
      expect(await directory.enrollmentWithCompletedModules(unknown)).toBeNull();
    });

    it('answers the modules an enrollment has completed, ordered by id, alone and with the enrollment', async () => {
      const cohort = await stand.runningCohort([]);
      const enrollmentId = await stand.enroll(cohort.cohortId, await stand.person('trainee'));
      const [low, high] = [...cohort.moduleIds].sort();
      const withModules = async (completedModuleIds: string[]) => ({ ...(await directory.getEnrollment(enrollmentId))!, completedModuleIds });
      // The higher id first: an answer in the order of completion is out of order.
      await stand.completeModule(enrollmentId, high);
      expect(await directory.completedModules(enrollmentId)).toEqual([high]);
      expect(await directory.enrollmentWithCompletedModules(enrollmentId)).toEqual(await withModules([high]));
      await stand.completeModule(enrollmentId, low);
      expect(await directory.completedModules(enrollmentId)).toEqual([low, high]);
      expect(await directory.enrollmentWithCompletedModules(enrollmentId)).toEqual(await withModules([low, high]));
    });

    it('answers a trainee’s enrollments with their module locks as enrollmentsOf and moduleLock do: open, on a schedule, by prerequisites unmet and met', async () => {
      const trainee = await stand.person('trainee');
      const open = await stand.runningCohort([]);
      const scheduled = await stand.runningCohort([], { afterDays: 30 });
      const gated = await stand.runningCohort([], 'prerequisites');
      const modulesOf = new Map([open, scheduled, gated].map((c) => [c.cohortId, c.moduleIds]));
      const enrollmentIds = { open: await stand.enroll(open.cohortId, trainee), scheduled: await stand.enroll(scheduled.cohortId, trainee), gated: await stand.enroll(gated.cohortId, trainee) };
      // Every enrollment's lock of each of its modules (and of a module of no outline), answered both
      // ways; the list's locks are read with the list, so it is asked again after every change.
      const locks = async () => {
        const listed = await directory.enrollmentsWithModuleLocks(trainee);
        expect(listed.map((l) => l.enrollment)).toEqual(await directory.enrollmentsOf(trainee));
        // The same list as SQL a statement of another module embeds (a quiz submit's), parsed by the directory; null without a database.
        const form = directory.enrollmentsWithModuleLocksSql('$1::uuid');
        let fromSql: typeof listed | null = null;
        if (stand.query) {
          expect(form).not.toBeNull();
          fromSql = form!.parse(await stand.query(`SELECT r.*, 'ignored' AS callers_column FROM (${form!.sql}) AS r ORDER BY r."listOrder"`, [trainee]));
          expect(fromSql.map((l) => l.enrollment)).toEqual(listed.map((l) => l.enrollment));
        } else {
          expect(form).toBeNull();
        }
        const answers = new Map<string, { opensAt: Date } | null>();
        for (const [index, { enrollment, moduleLock }] of listed.entries()) {
          for (const moduleId of [...modulesOf.get(enrollment.cohortId)!, randomUUID()]) {
            const lock = await moduleLock(moduleId);
            expect([enrollment.enrollmentId, moduleId, lock]).toEqual([enrollment.enrollmentId, moduleId, await directory.moduleLock(enrollment.enrollmentId, moduleId)]);
            if (fromSql) expect([enrollment.enrollmentId, moduleId, await fromSql[index].moduleLock(moduleId)]).toEqual([enrollment.enrollmentId, moduleId, lock]);
            answers.set(`${enrollment.enrollmentId}:${moduleId}`, lock);
          }
        }
        return (which: keyof typeof enrollmentIds, moduleIndex: number) => answers.get(`${enrollmentIds[which]}:${modulesOf.get((which === 'open' ? open : which === 'scheduled' ? scheduled : gated).cohortId)![moduleIndex]}`);
      };

      let lock = await locks();
      expect([lock('open', 0), lock('open', 1), lock('scheduled', 0), lock('gated', 0)]).toEqual([null, null, null, null]);
      // On the schedule: locked until its unlock instant, as moduleUnlockAt answers it.
      const opensAt = await directory.moduleUnlockAt(enrollmentIds.scheduled, scheduled.moduleIds[1]);
      expect(opensAt!.getTime()).toBeGreaterThan(Date.now());
      expect(lock('scheduled', 1)).toEqual({ opensAt });
      // By prerequisites: locked from the start until the first module is done, lessons and assessment.
      const gatedStart = (await directory.getEnrollment(enrollmentIds.gated))!.cohortStartsAt;
      expect(await directory.moduleUnlockAt(enrollmentIds.gated, gated.moduleIds[1])).toBeNull();
      expect(lock('gated', 1)).toEqual({ opensAt: gatedStart });
      await stand.completeLessons(enrollmentIds.gated, gated.moduleIds[0]);
      lock = await locks();
      expect(lock('gated', 1)).toEqual({ opensAt: gatedStart });
      await stand.completeModule(enrollmentIds.gated, gated.moduleIds[0]);
      lock = await locks();
      expect([lock('gated', 0), lock('gated', 1), lock('scheduled', 1)]).toEqual([null, null, { opensAt }]);
    });

    it('answers whether a trainee is enrolled (active) in a version: not in another version, not once withdrawn, not someone else', async () => {
      const trainee = await stand.person('trainee');
      const [first, second] = [await stand.runningCohort([]), await stand.runningCohort([])];
      const enrollmentId = await stand.enroll(first.cohortId, trainee);
      expect(await directory.enrolledInVersion(trainee, first.courseVersionId)).toBe(true);
      expect(await directory.enrolledInVersion(trainee, second.courseVersionId)).toBe(false);
      expect(await directory.enrolledInVersion(await stand.person('trainee'), first.courseVersionId)).toBe(false);
      await stand.withdraw(enrollmentId);
      expect(await directory.enrolledInVersion(trainee, first.courseVersionId)).toBe(false);
    });

    it('gives enrolledInVersion as SQL that answers as it does (active, completed, withdrawn, another version, a stranger), or null without a database', async () => {
      const { active, graduate, leaver, stranger, cohort, other } = await fourStandings();
      const cases: Array<[string, string, boolean]> = [
        [active, cohort.courseVersionId, true], [graduate, cohort.courseVersionId, true], [leaver, cohort.courseVersionId, false],
        [active, other.courseVersionId, false], [stranger, cohort.courseVersionId, false],
      ];
      for (const [trainee, version, enrolled] of cases) expect([trainee, version, await directory.enrolledInVersion(trainee, version)]).toEqual([trainee, version, enrolled]);

      // The caller's two parameters, as the lesson read passes its own.
      const sql = directory.enrolledInVersionSql('$1::uuid', '$2::uuid');
      const query = stand.query;
      if (!query) {
        expect(sql).toBeNull();
        return;
      }
      expect(typeof sql).toBe('string');
      // And a version id that is null answers false (CourseReaders).
      for (const [trainee, version, enrolled] of [...cases, [active, null, false] as const]) {
        const [row] = await query(`SELECT ${sql} AS enrolled`, [trainee, version]);
        expect([trainee, version, row.enrolled]).toEqual([trainee, version, enrolled]);
      }
    });

    it('gives enrolledInCohortSql that answers as enrollmentsOf does (not withdrawn: active and completed), or null without a database', async () => {
      const { active, graduate, leaver, stranger, cohort, other } = await fourStandings();
      const cases: Array<[string, string, boolean]> = [
        [active, cohort.cohortId, true], [graduate, cohort.cohortId, true], [leaver, cohort.cohortId, false],
        [active, other.cohortId, false], [stranger, cohort.cohortId, false],
      ];
      // The SQL's answer is enrollmentsOf's, filtered as a trainee's career fairs filtered it before.
      for (const [trainee, cohortId, enrolled] of cases) {
        const listed = (await directory.enrollmentsOf(trainee)).some((e) => e.cohortId === cohortId && e.status !== 'withdrawn');
        expect([trainee, cohortId, listed]).toEqual([trainee, cohortId, enrolled]);
      }
      const sql = directory.enrolledInCohortSql('$1::uuid', '$2::uuid');
      const query = stand.query;
      if (!query) {
        expect(sql).toBeNull();
        return;
      }
      expect(typeof sql).toBe('string');
      // And over columns of the caller's named as enrollment's are (the fragment's own are under its alias).
      const overColumns = directory.enrolledInCohortSql('x.trainee_id', 'x.cohort_id');
      for (const [trainee, cohortId, enrolled] of cases) {
        const [row] = await query(`SELECT ${sql} AS enrolled`, [trainee, cohortId]);
        expect([trainee, cohortId, row.enrolled]).toEqual([trainee, cohortId, enrolled]);
        const [fromColumns] = await query(`SELECT ${overColumns} AS enrolled FROM (VALUES ($1::uuid, $2::uuid)) AS x (trainee_id, cohort_id)`, [trainee, cohortId]);
        expect([trainee, cohortId, fromColumns.enrolled]).toEqual([trainee, cohortId, enrolled]);
      }
    });

    it('pages the active enrollments of running cohorts by enrollment id, each once, leaving out the withdrawn', async () => {
      const cohort = await stand.runningCohort([]);
      const active = [await stand.enroll(cohort.cohortId, await stand.person('trainee')), await stand.enroll(cohort.cohortId, await stand.person('trainee'))];
      const gone = await stand.enroll(cohort.cohortId, await stand.person('trainee'));
      await stand.withdraw(gone);
      const seen: string[] = [];
      for (let after: string | null = null; ; ) {
        const page = await directory.activeEnrollmentsOfRunningCohorts(after, 2);
        expect(page.length).toBeLessThanOrEqual(2);
        expect(page.every((e) => e.status === 'active')).toBe(true);
        seen.push(...page.map((e) => e.enrollmentId));
        if (page.length < 2) break;
        after = page[page.length - 1].enrollmentId;
      }
      expect(seen).toEqual(expect.arrayContaining(active));
      expect(seen).not.toContain(gone);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual([...seen].sort());
    });
  });
}
