import type { Caller, MatrixWorld } from './authz-world';

/**
 * Object-level fixtures of the authorization matrix: for a route (its path as in the route table,
 * e.g. '/users/:id'), which real object(s) of the world (authz-world.ts) to put in its path
 * parameters and who may see each. The matrix reads the route (GET only, unless `writes` is true)
 * as every caller:
 *   - callers in `visibleTo` must get 2xx;
 *   - everybody else must get 401, 403 or 404, never 2xx (someone else's data) and never 5xx.
 * Routes without a fixture are still probed with random UUIDs and malformed ids. A fixture whose
 * path no route has fails the matrix. New routes get an entry here (and their objects a step in
 * WORLD_SETUP).
 */
export interface ObjectFixture {
  params(world: MatrixWorld): Record<string, string>;
  visibleTo: Caller[];
  /** Also probe this route's writes with the real object (only if repeating them is harmless). */
  writes?: boolean;
}

const id = (name: string) => (w: MatrixWorld) => ({ id: w.objects.get(name)! });
const inVersion = (w: MatrixWorld) => ({ id: w.objects.get('courseId')!, version: w.objects.get('version')! });
const STAFF_OF_COURSE: Caller[] = ['instructorOwn', 'admin'];
const STAFF_OF_COHORT: Caller[] = ['instructorOwn', 'admin'];
const SIGNED_IN: Caller[] = ['traineeA', 'traineeB', 'instructorOther', 'instructorOwn', 'reviewer', 'employer', 'admin'];

/** Who may see what in the world of authz-world.ts (a course of instructorOwn, its cohort with A and B). */
export const OBJECT_FIXTURES: Record<string, ObjectFixture | ObjectFixture[]> = {
  '/users/:id': { params: (w) => ({ id: w.people.traineeA.id }), visibleTo: ['admin'] },
  '/users/:id/role-changes': { params: (w) => ({ id: w.people.traineeA.id }), visibleTo: ['admin'] },
  '/tracks/:code/skills': { params: () => ({ code: 'cybersecurity' }), visibleTo: ['anonymous', ...SIGNED_IN] },
  // Course: the published course is in everyone's catalogue; drafts and exports are its authors'; lessons are for the enrolled.
  '/courses/:id': { params: id('courseId'), visibleTo: SIGNED_IN },
  '/courses/:id/versions': { params: id('courseId'), visibleTo: SIGNED_IN },
  '/courses/:id/versions/:version': { params: inVersion, visibleTo: SIGNED_IN },
  '/courses/:id/versions/:from/diff/:to': { params: (w) => ({ id: w.objects.get('courseId')!, from: w.objects.get('version')!, to: w.objects.get('version')! }), visibleTo: SIGNED_IN },
  '/courses/:id/versions/:version/lessons/:lessonId': { params: (w) => ({ ...inVersion(w), lessonId: w.objects.get('lessonId')! }), visibleTo: ['traineeA', 'traineeB', ...STAFF_OF_COURSE] },
  '/courses/:id/versions/:version/export': { params: inVersion, visibleTo: STAFF_OF_COURSE },
  '/courses/:id/draft': { params: id('courseId'), visibleTo: STAFF_OF_COURSE },
  '/lessons/:id': { params: id('lessonId'), visibleTo: STAFF_OF_COURSE },
  '/modules/:id/assessments': { params: id('moduleId'), visibleTo: STAFF_OF_COURSE },
  '/course-versions/:id/certification-criteria': { params: id('versionId'), visibleTo: STAFF_OF_COURSE },
  // Assessment: the enrolled read the assessment (never its key); a submission is its trainee's and the cohort staff's.
  // instructorOther teaches a cohort of the same course version, so may read (and grade by) the assessment;
  // the submissions of the other cohort stay closed to them (see /submissions/:id).
  '/assessments/:id': { params: id('assessmentId'), visibleTo: ['traineeA', 'traineeB', 'instructorOther', ...STAFF_OF_COURSE] },
  '/submissions/:id': { params: id('submissionOfA'), visibleTo: ['traineeA', ...STAFF_OF_COHORT] },
  '/cohorts/:id/review-queue': [
    { params: id('cohortId'), visibleTo: STAFF_OF_COHORT },
    { params: id('otherCohortId'), visibleTo: ['instructorOther', 'admin'] },
  ],
  // Cohort: members, staff and reviewers see the cohort; only staff see its trainees (roster, applications).
  // The other cohort (instructorOther's, still open for applications, so every trainee sees it) checks the converse.
  '/cohorts/:id': [
    { params: id('cohortId'), visibleTo: ['traineeA', 'traineeB', 'reviewer', ...STAFF_OF_COHORT] },
    { params: id('otherCohortId'), visibleTo: ['traineeA', 'traineeB', 'reviewer', 'instructorOther', 'admin'] },
  ],
  '/cohorts/:id/roster': [
    { params: id('cohortId'), visibleTo: STAFF_OF_COHORT },
    { params: id('otherCohortId'), visibleTo: ['instructorOther', 'admin'] },
  ],
  '/cohorts/:id/prerequisite-waivers': [
    { params: id('cohortId'), visibleTo: STAFF_OF_COHORT },
    { params: id('otherCohortId'), visibleTo: ['instructorOther', 'admin'] },
  ],
  '/cohorts/:id/applications': [
    { params: id('cohortId'), visibleTo: STAFF_OF_COHORT },
    { params: id('otherCohortId'), visibleTo: ['instructorOther', 'admin'] },
  ],
  '/applications/:id': { params: id('applicationOfA'), visibleTo: ['traineeA', ...STAFF_OF_COHORT] },
  '/applications/:id/review': { params: id('applicationOfA'), visibleTo: STAFF_OF_COHORT },
  '/cohorts/:id/rubric': [
    { params: id('cohortId'), visibleTo: STAFF_OF_COHORT },
    { params: id('otherCohortId'), visibleTo: ['instructorOther', 'admin'] },
  ],
  '/cohorts/:id/track-quotas': [
    { params: id('cohortId'), visibleTo: STAFF_OF_COHORT },
    { params: id('otherCohortId'), visibleTo: ['instructorOther', 'admin'] },
  ],
  '/applications/:id/decisions': { params: id('applicationOfA'), visibleTo: STAFF_OF_COHORT },
  '/enrollments/:id': { params: id('enrollmentOfA'), visibleTo: ['traineeA', ...STAFF_OF_COHORT] },
  // Certification: a certificate is its holder's and the admins'; anyone with the code verifies it;
  // a cohort's certificate list is for admins and (without names) reviewers.
  '/certificates/:id': { params: id('certificateOfA'), visibleTo: ['traineeA', 'admin'] },
  '/certificates/:id/credential': { params: id('certificateOfA'), visibleTo: ['traineeA', 'admin'] },
  '/certificates/:id/pdf': { params: id('certificateOfA'), visibleTo: ['traineeA', 'admin'] },
  '/certificates/:id/image': { params: id('certificateOfA'), visibleTo: ['traineeA', 'admin'] },
  // Documents signed into credentials are public.
  '/achievements/:id': { params: id('versionId'), visibleTo: ['anonymous', ...SIGNED_IN] },
  '/achievements/:id/image': { params: id('versionId'), visibleTo: ['anonymous', ...SIGNED_IN] },
  '/skills/:code': { params: () => ({ code: 'CYB-SOC-01' }), visibleTo: ['anonymous', ...SIGNED_IN] },
  '/verify/:code': { params: (w) => ({ code: w.objects.get('verificationCodeOfA')! }), visibleTo: ['anonymous', ...SIGNED_IN] },
  '/cohorts/:id/certificates': { params: id('cohortId'), visibleTo: ['reviewer', 'admin'] },
  // Notification: an inbox item is its recipient's alone (marking it read is harmless to repeat).
  '/me/notifications/:id/read': { params: id('notificationOfA'), visibleTo: ['traineeA'], writes: true },
  // Talent: a listed profile and an interview request are the employer's to read (and the request A's to answer).
  // (Trainee L, listed, is no caller: the matrix's callers probe POST /me/talent-profile/withdraw, which would unlist A.)
  '/talent/profiles/:traineeId': { params: (w) => ({ traineeId: w.objects.get('listedTraineeId')! }), visibleTo: ['employer'] },
  '/talent/interview-requests/:id': { params: id('interviewRequestOfA'), visibleTo: ['employer'] },
  // A career fair is its participating employers', its invited cohorts' trainees' and the admins'.
  '/career-fairs/:id': { params: id('careerFairId'), visibleTo: ['traineeA', 'traineeB', 'employer', 'admin'] },
  '/career-fairs/:id/slots': { params: id('careerFairId'), visibleTo: ['traineeA', 'traineeB', 'employer', 'admin'] },
};

/** The fixtures of a route path (none, one or several objects). */
export const fixturesOf = (path: string): ObjectFixture[] => [OBJECT_FIXTURES[path] ?? []].flat();

/**
 * Values for path parameters that are not ids (random UUIDs would make the route answer 404
 * before it reads the body, hiding what a probe means to test).
 */
export const NON_ID_PARAMS: Record<string, string> = { month: '3' };

/** Malformed values for path parameters: each must answer 400/401/403/404, never 5xx or 2xx. */
export const MALFORMED_IDS = ['not-a-uuid', '0', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g', '\u0000', '../../etc/passwd', 'a'.repeat(180)];

/** Fields no client may set: added to every write body, they must be refused (400) and change nothing. */
export const MASS_ASSIGNMENT_FIELDS: Record<string, unknown> = {
  roles: ['admin'],
  ownerId: '00000000-0000-4000-8000-000000000000',
  score: 100,
  status: 'passed',
  issuedAt: '2020-01-01T00:00:00.000Z',
  id: '00000000-0000-4000-8000-000000000001',
  userId: '00000000-0000-4000-8000-000000000002',
  passwordHash: 'x',
  active: false,
};
