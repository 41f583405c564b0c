import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { buildCourse, publish } from './support/course-builders';
import { QUIZ_RIGHT, QUIZ_WRONG, quizBody } from './support/assessment-builders';
import { completeLessons, openCohort, setStatus, submitGraded, waitForInboxTypes } from './support/journey-builders';
import { apply } from './support/cohort-builders';

const DAY = 24 * 60 * 60 * 1000;
const APPLICANTS = 60;
const CAPACITY = 50;
const QUOTAS = { cybersecurity: 28, 'ui-ux-design': 22 } as const;
type Track = keyof typeof QUOTAS;

/**
 * Applicant i's track: in the top 50, three of every five are cybersecurity (30, two over the
 * track's 28 seats) and two UI/UX (20); of the last ten, six cybersecurity and four UI/UX.
 */
const trackOf = (i: number): Track => (i < CAPACITY ? (i % 5 < 3 ? 'cybersecurity' : 'ui-ux-design') : i < 56 ? 'cybersecurity' : 'ui-ux-design');
/**
 * Rubric of two criteria of equal weight out of 100: a reviewer's total is the mean of the two.
 * The admin scores applicant i 100 - i on both; the instructor one point lower on experience for
 * odd i. Aggregate 100 - i - (i % 2) / 2: strictly falling with i, spread 0 or 1.
 */
const RUBRIC = { criteria: [{ id: 'motivation', label: 'Motivation', weight: 1, maxScore: 100 }, { id: 'experience', label: 'Experience', weight: 1, maxScore: 100 }] };
const adminScores = (i: number) => [{ criterionId: 'motivation', score: 100 - i }, { criterionId: 'experience', score: 100 - i }];
const instructorScores = (i: number) => [{ criterionId: 'motivation', score: 100 - i }, { criterionId: 'experience', score: 100 - i - 2 * (i % 2) }];
const aggregateOf = (i: number) => 100 - i - (i % 2) / 2;
const pad = (i: number) => String(i).padStart(2, '0');

/** Runs `work` over the items a few at a time: quick, without flooding a loaded machine. */
async function inBatches<T, R>(items: T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, k) => work(item, start + k)))));
  }
  return results;
}

/*
 * Issue 22, "done when": the programme walk that found the defects, replayed through the real HTTP
 * API, modules and worker (no fakes): 60 applicants for 50 seats, rubric scoring by two reviewers,
 * quotas per track, a decision reverted, an extension, a cohort moved to a fixed course version,
 * an announcement and the gradebook export. One story, in steps that depend on each other.
 */
describe('programme walk replay: selection to gradebook for 60 applicants', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  let cyber: { courseId: string; versionId: string; lessonIds: string[]; quizId: string };
  let design: { courseId: string; versionId: string; quizId: string };
  let fixedVersionId: string;
  let cohort: { id: string; name: string };
  let applicants: TestPerson[];
  let applicationIds: string[];
  let extendedDueAt: string;
  const reverted = 3; // a UI/UX applicant accepted by mistake
  const versionOf = (i: number) => (trackOf(i) === 'cybersecurity' ? cyber.versionId : design.versionId);
  const enrolled = (i: number) => i < CAPACITY && i !== 46 && i !== 47 && i !== reverted;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATABASE_POOL_SIZE: '20' } });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
  });
  afterAll(() => t?.close());

  it('the admin publishes a cybersecurity and a UI/UX course, each with a quiz', async () => {
    const built = await buildCourse(t.api, admin.token, 1, 2, { trackCode: 'cybersecurity', title: 'Security Operations Foundations' });
    // Due on the cohort's first day, late work refused: only an extension lets a trainee in now.
    const cyberQuiz = await t.api.post(`/api/v1/modules/${built.modules[0].id}/assessments`, quizBody({ title: 'Ports and threats', dueOffsetDays: 0, latePolicy: 'refuse' }), admin.token);
    expect(cyberQuiz.status).toBe(201);
    cyber = { courseId: built.course.id, versionId: (await publish(t.api, admin.token, built.course.id, 'first cohort')).versionId, lessonIds: built.modules[0].lessonIds, quizId: cyberQuiz.body.id };

    const ux = await buildCourse(t.api, admin.token, 1, 1, { trackCode: 'ui-ux-design', title: 'Interface Design Basics' });
    const uxQuiz = await t.api.post(`/api/v1/modules/${ux.modules[0].id}/assessments`, quizBody({ title: 'Design basics quiz' }), admin.token);
    expect(uxQuiz.status).toBe(201);
    design = { courseId: ux.course.id, versionId: (await publish(t.api, admin.token, ux.course.id)).versionId, quizId: uxQuiz.body.id };
  });

  it('the admin opens a cohort of 50 seats with a question and quotas per track; 60 apply', async () => {
    cohort = await openCohort(t.api, admin, cyber.versionId, [instructor.id], CAPACITY, {
      courseVersionIds: [cyber.versionId, design.versionId],
      questions: [{ prompt: 'Why this track?' }],
      startsAt: new Date(Date.now() - 2 * DAY).toISOString(),
    });
    const quotas = await t.api.put(`/api/v1/cohorts/${cohort.id}/track-quotas`, { quotas: Object.entries(QUOTAS).map(([trackCode, seats]) => ({ trackCode, seats })) }, admin.token);
    expect(quotas.status).toBe(200);
    expect(quotas.body.tracks).toEqual([{ trackCode: 'cybersecurity', seats: 28, taken: 0 }, { trackCode: 'ui-ux-design', seats: 22, taken: 0 }]);

    const indexes = Array.from({ length: APPLICANTS }, (_, i) => i);
    applicants = await inBatches(indexes, 6, (i) => createUser(t.api, admin.token, ['trainee'], { displayName: `Walk Applicant ${pad(i)}` }));
    applicationIds = await inBatches(indexes, 6, async (i) =>
      (await apply(t.api, cohort.id, applicants[i].token, { statement: `Applicant ${i} wants to learn.`, answers: [{ questionId: 'q1', answer: `Reason ${i}` }], courseVersionId: versionOf(i) })).id);

    const listed = await t.api.get(`/api/v1/cohorts/${cohort.id}/applications?limit=100`, instructor.token);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(APPLICANTS);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/applications?limit=100&trackCode=ui-ux-design`, admin.token)).body.items).toHaveLength(24);
  });

  it('two reviewers score every application on the rubric; the workbench ranks them with aggregate and spread', async () => {
    expect((await t.api.put(`/api/v1/cohorts/${cohort.id}/rubric`, RUBRIC, admin.token)).status).toBe(200);
    const score = async (i: number, who: TestPerson, scores: Array<{ criterionId: string; score: number }>) => {
      const answer = await t.api.put(`/api/v1/applications/${applicationIds[i]}/scores`, { scores }, who.token);
      if (answer.status !== 200) throw new Error(`scoring ${i} failed: ${answer.status} ${answer.text}`);
      return answer.body;
    };
    const indexes = Array.from({ length: APPLICANTS }, (_, i) => i);
    await inBatches(indexes, 6, (i) => score(i, admin, adminScores(i)));
    const last = await inBatches(indexes, 6, (i) => score(i, instructor, instructorScores(i)));
    expect(last[1].scoring).toMatchObject({ aggregate: 98.5, spread: 1 });

    const ranked = await t.api.get(`/api/v1/cohorts/${cohort.id}/applications?sort=-score&limit=100`, admin.token);
    expect(ranked.status).toBe(200);
    const items = ranked.body.items;
    expect(items.map((a: { id: string }) => a.id)).toEqual(applicationIds);
    items.forEach((item: any, i: number) => {
      expect(item).toMatchObject({
        score: aggregateOf(i), rank: i + 1, tiedWith: 0, trackCode: trackOf(i),
        applicant: { displayName: `Walk Applicant ${pad(i)}`, email: applicants[i].email },
        answers: [{ questionId: 'q1', answer: `Reason ${i}` }],
        scoring: { aggregate: aggregateOf(i), spread: i % 2 },
      });
      expect(item.scoring.reviewers.map((r: { reviewerId: string; total: number }) => [r.reviewerId, r.total]).sort()).toEqual(
        [[admin.id, 100 - i], [instructor.id, 100 - i - (i % 2)]].sort(),
      );
    });
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/rubric`, admin.token)).body.locked).toBe(true);
  });

  it('bulk-accepts the top 50 within the quotas (two cybersecurity over quota refused 409) and waitlists the rest', async () => {
    const top = applicationIds.slice(0, CAPACITY).map((applicationId) => ({ applicationId, decision: 'accept', reason: 'Top 50 by rubric score' }));
    const accepted = await t.api.post(`/api/v1/cohorts/${cohort.id}/decisions`, { items: top }, admin.token);
    expect(accepted.status).toBe(200);
    const results: Array<{ applicationId: string; status: number; problem?: { type: string; detail: string } }> = accepted.body.results;
    expect(results).toHaveLength(CAPACITY);
    const refused = results.filter((r) => r.status !== 200);
    // In rank order the 29th and 30th cybersecurity applicants (46 and 47) find the track's 28 seats taken.
    expect(refused.map((r) => r.applicationId)).toEqual([applicationIds[46], applicationIds[47]]);
    for (const r of refused) expect(r).toMatchObject({ status: 409, problem: { type: expect.stringMatching(/\/track-quota-full$/), detail: 'All 28 seats of the cybersecurity track are taken.' } });
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/track-quotas`, admin.token)).body.tracks).toEqual([
      { trackCode: 'cybersecurity', seats: 28, taken: 28 },
      { trackCode: 'ui-ux-design', seats: 22, taken: 20 },
    ]);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.seatsTaken).toBe(48);

    const rest = [46, 47, ...Array.from({ length: APPLICANTS - CAPACITY }, (_, k) => CAPACITY + k)];
    const waitlisted = await t.api.post(`/api/v1/cohorts/${cohort.id}/decisions`, { items: rest.map((i) => ({ applicationId: applicationIds[i], decision: 'waitlist', reason: 'Reserve list by score' })) }, admin.token);
    expect(waitlisted.body.results.map((r: { status: number; application: { waitlistRank: number } }) => [r.status, r.application.waitlistRank])).toEqual(rest.map((_, k) => [200, k + 1]));
    const byStatus = async (status: string) => (await t.api.get(`/api/v1/cohorts/${cohort.id}/applications?status=${status}&limit=100`, admin.token)).body.items.length;
    expect([await byStatus('accepted'), await byStatus('waitlisted'), await byStatus('submitted')]).toEqual([48, 12, 0]);
    await waitForInboxTypes(t.api, applicants[0], ['application-received', 'application-decided', 'enrolled']);
    await waitForInboxTypes(t.api, applicants[59], ['application-decided']);
  });

  it('the admin reverts one acceptance with a reason: the seat is freed, the trail keeps it, the applicant is told', async () => {
    const answer = await t.api.post(`/api/v1/applications/${applicationIds[reverted]}/revert`, { reason: 'Accepted by mistake: the panel meant another applicant.' }, admin.token);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'submitted', waitlistRank: null });
    const trail = (await t.api.get(`/api/v1/applications/${applicationIds[reverted]}/decisions`, instructor.token)).body.items;
    expect(trail.slice(-2)).toEqual([
      expect.objectContaining({ action: 'accept', fromStatus: 'submitted', toStatus: 'accepted', reason: 'Top 50 by rubric score', actorId: admin.id }),
      expect.objectContaining({ action: 'revert', fromStatus: 'accepted', toStatus: 'submitted', reason: 'Accepted by mistake: the panel meant another applicant.', actorId: admin.id }),
    ]);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/track-quotas`, admin.token)).body.tracks[1]).toEqual({ trackCode: 'ui-ux-design', seats: 22, taken: 19 });
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.seatsTaken).toBe(47);
    // Nobody is promoted into the freed seat: the waitlist is as it was.
    expect((await t.api.get(`/api/v1/applications/${applicationIds[46]}`, admin.token)).body).toMatchObject({ status: 'waitlisted', waitlistRank: 1 });
    const mine = (await t.api.get('/api/v1/me/enrollments', applicants[reverted].token)).body;
    expect(mine.filter((e: { status: string }) => e.status === 'active')).toEqual([]);
    await waitFor(async () => {
      const inbox = (await t.api.get('/api/v1/me/notifications?limit=100', applicants[reverted].token)).body.items as Array<{ type: string; text: string }>;
      return inbox.find((n) => n.type === 'application-decided' && n.text.includes('Accepted by mistake')) ?? null;
    }, { what: 'the revert told to the applicant', timeoutMs: 60_000 });
  });

  it('applications close and the cohort starts; a late quiz is refused, and an extension lets two trainees submit', async () => {
    await setStatus(t.api, admin, cohort.id, 'running');
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.status).toBe('running');
    const late = await t.api.post(`/api/v1/assessments/${cyber.quizId}/submissions`, { answer: QUIZ_RIGHT }, applicants[1].token);
    expect([late.status, late.body.type]).toEqual([422, expect.stringMatching(/\/past-due$/)]);

    extendedDueAt = new Date(Date.now() + 7 * DAY).toISOString();
    const granted = await t.api.post(`/api/v1/cohorts/${cohort.id}/assessments/${cyber.quizId}/exceptions`,
      { traineeIds: [applicants[0].id, applicants[2].id], dueAt: extendedDueAt, reason: 'Night shifts in the first week' }, instructor.token);
    expect(granted.status).toBe(201);
    expect(granted.body.items.map((e: { traineeId: string; dueAt: string }) => [e.traineeId, e.dueAt])).toEqual([[applicants[0].id, extendedDueAt], [applicants[2].id, extendedDueAt]]);
    // One lesson of two done: the course is still in progress when it moves to version 2.
    await completeLessons(t.api, applicants[0], cyber.lessonIds.slice(0, 1));
    expect(await submitGraded(t.api, applicants[0], cyber.quizId, QUIZ_RIGHT)).toMatchObject({ score: 100, passed: true });
    expect(await submitGraded(t.api, applicants[2], cyber.quizId, QUIZ_WRONG)).toMatchObject({ score: 0, passed: false });
    expect((await t.api.post(`/api/v1/assessments/${cyber.quizId}/submissions`, { answer: QUIZ_RIGHT }, applicants[1].token)).status).toBe(422);
    await waitForInboxTypes(t.api, applicants[0], ['assessment-exception-granted']);
  });

  it('a typo fix is published as version 2 and the instructor moves the running cohort to it, progress kept', async () => {
    expect((await t.api.patch(`/api/v1/lessons/${cyber.lessonIds[1]}`, { title: 'Lesson 1.2 (fixed)', body: 'Body of 1.2, without the typo.' }, admin.token)).status).toBe(200);
    fixedVersionId = (await publish(t.api, admin.token, cyber.courseId, 'typo fix in lesson 1.2')).versionId;
    const moved = await t.api.post(`/api/v1/cohorts/${cohort.id}/version-moves`, { toVersionId: fixedVersionId, reason: 'Typo in lesson 1.2', notifyTrainees: true }, instructor.token);
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ fromVersionId: cyber.versionId, fromVersion: 1, toVersionId: fixedVersionId, toVersion: 2, enrollmentsMoved: 28, movedBy: instructor.id });
    expect([...(await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.courseVersionIds].sort()).toEqual([fixedVersionId, design.versionId].sort());
    const progress = await waitFor(async () => {
      const mine = (await t.api.get('/api/v1/me/enrollments', applicants[0].token)).body;
      const view = mine.find((e: { cohortId: string }) => e.cohortId === cohort.id);
      return view?.course.version === 2 ? view : null;
    }, { what: 'trainee 0 on version 2', timeoutMs: 60_000 });
    expect(progress).toMatchObject({ status: 'active', lessonsDone: 1 });
    expect(progress.modules[0]).toMatchObject({ lessonsDone: 1, lessonsTotal: 2, completedLessonIds: [cyber.lessonIds[0]] });
    const notice = (await waitForInboxTypes(t.api, applicants[0], ['course-version-changed'])).find((n: { type: string }) => n.type === 'course-version-changed');
    expect(notice.text).toContain('Reason: Typo in lesson 1.2');
    const trail = (await t.api.get(`/api/v1/cohorts/${cohort.id}/version-moves`, admin.token)).body.items;
    expect(trail).toEqual([expect.objectContaining({ id: moved.body.id, fromVersion: 1, toVersion: 2, reason: 'Typo in lesson 1.2', movedBy: instructor.id, enrollmentsMoved: 28 })]);
  });

  it('the instructor announces to the cohort: every enrolled trainee’s inbox, nobody else’s', async () => {
    const message = { subject: 'Lab on Thursday', body: 'The first lab is on Thursday at 18:00.\nBring your laptop.' };
    const sent = await t.api.post(`/api/v1/cohorts/${cohort.id}/announcements`, { ...message, audience: 'cohort' }, instructor.token);
    expect(sent.status).toBe(201);
    const expected = applicants.filter((_, i) => enrolled(i)).map((p) => p.id).sort();
    expect(sent.body.recipientCount).toBe(47);
    expect([...sent.body.recipientIds].sort()).toEqual(expected);
    for (const i of [0, 4]) {
      const notice = (await waitForInboxTypes(t.api, applicants[i], ['announcement'])).find((n: { type: string }) => n.type === 'announcement');
      expect(notice).toMatchObject({ title: `${cohort.name}: ${message.subject}`, text: message.body });
    }
  });

  it('UI/UX trainees submit their quiz; the gradebook CSV of each version has a row per enrolled trainee with the right scores', async () => {
    expect(await submitGraded(t.api, applicants[4], design.quizId, QUIZ_RIGHT)).toMatchObject({ score: 100 });
    expect(await submitGraded(t.api, applicants[8], design.quizId, QUIZ_WRONG)).toMatchObject({ score: 0 });
    const gradebook = async (versionId: string) => {
      const csv = await t.api.get(`/api/v1/cohorts/${cohort.id}/gradebook?format=csv&courseVersionId=${versionId}`, instructor.token);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const [header, ...rows] = csv.text.trimEnd().split('\r\n');
      return { header, rows, byTrainee: new Map(rows.map((row) => [row.split(',')[1], row])) };
    };

    // The quiz was due when the cohort started (offset 0); the extension moved it for two trainees.
    const startedAt = (await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.startsAt;
    const cyberBook = await gradebook(fixedVersionId);
    expect(cyberBook.header.startsWith('Trainee,Trainee id,Enrollment status,Ports and threats — status,')).toBe(true);
    const cyberTrainees = applicants.filter((_, i) => enrolled(i) && trackOf(i) === 'cybersecurity');
    expect(cyberTrainees).toHaveLength(28);
    expect([...cyberBook.byTrainee.keys()].sort()).toEqual(cyberTrainees.map((p) => p.id).sort());
    expect(cyberBook.byTrainee.get(applicants[0].id)).toBe(`Walk Applicant 00,${applicants[0].id},active,passed,100,100,1/3,${extendedDueAt},,0,due ${extendedDueAt}`);
    expect(cyberBook.byTrainee.get(applicants[2].id)).toBe(`Walk Applicant 02,${applicants[2].id},active,graded,0,0,1/3,${extendedDueAt},,0,due ${extendedDueAt}`);
    expect(cyberBook.byTrainee.get(applicants[1].id)).toBe(`Walk Applicant 01,${applicants[1].id},active,not_started,,,0/3,${startedAt},overdue,0,`);

    const designBook = await gradebook(design.versionId);
    const designTrainees = applicants.filter((_, i) => enrolled(i) && trackOf(i) === 'ui-ux-design');
    expect(designTrainees).toHaveLength(19);
    const active = (book: { rows: string[] }) => book.rows.filter((row) => row.split(',')[2] === 'active').map((row) => row.split(',')[1]).sort();
    expect(active(designBook)).toEqual(designTrainees.map((p) => p.id).sort());
    expect(designBook.byTrainee.get(applicants[4].id)).toBe(`Walk Applicant 04,${applicants[4].id},active,passed,100,100,1/3,,,0,`);
    expect(designBook.byTrainee.get(applicants[8].id)).toBe(`Walk Applicant 08,${applicants[8].id},active,graded,0,0,1/3,,,0,`);
    // The acceptance reverted before the start left a withdrawn enrollment: listed as such, with nothing done.
    expect(designBook.byTrainee.get(applicants[reverted].id)).toBe(`Walk Applicant 03,${applicants[reverted].id},withdrawn,not_started,,,0/3,,,0,`);
    expect(designBook.rows).toHaveLength(20);
  });
});
