import { BenchContext } from '../harness/bench-context';
import { seedTrainees, SEEDED_PASSWORD } from '../harness/seed-users';
import { apiCall as call } from '../harness/api-call';

/**
 * The world of the trainee-facing read scenarios (`me-enrollments`, `lesson`): a published course
 * of MODULES × LESSONS_PER_MODULE lessons with realistic Markdown bodies (headings, lists, a code
 * block, a table, links) and a quiz, a running cohort over it, TRAINEES trainees enrolled and each
 * with the first lessons of module 1 done — built over the real API, so every row is the app's own.
 */
export const TRAINEES = 50;
export const MODULES = 4;
export const LESSONS_PER_MODULE = 5;
const LESSONS_DONE = 2;
const DAY = 86_400_000;

export interface TraineeCourse {
  courseId: string;
  version: number;
  versionId: string;
  lessonIds: string[];
  /** One access token per enrolled trainee. */
  tokens: string[];
}

/** About 2 KB of Markdown: what an article lesson looks like (rendering cost grows with it). */
export function lessonBody(module: number, lesson: number): string {
  return [
    `## Lesson ${module}.${lesson}: hardening a Linux host`,
    '',
    'In this lesson you **lock down** a fresh server before it faces the internet. Read it through once, then do the lab.',
    '',
    '### What you will do',
    '',
    '1. Create an unprivileged user and give it `sudo`.',
    '2. Turn off password logins over SSH; keys only.',
    '3. Enable the firewall and allow only the ports you need.',
    '4. Turn on unattended security updates.',
    '',
    '### Commands',
    '',
    '```bash',
    'adduser deploy && usermod -aG sudo deploy',
    "sed -i 's/^#\\?PasswordAuthentication .*/PasswordAuthentication no/' /etc/ssh/sshd_config",
    'ufw allow OpenSSH && ufw enable',
    'apt-get install -y unattended-upgrades',
    '```',
    '',
    '| Port | Service | Open? |',
    '| --- | --- | --- |',
    '| 22 | SSH | yes, keys only |',
    '| 80 | HTTP | only behind the proxy |',
    '| 5432 | PostgreSQL | never to the internet |',
    '',
    '> A server is attacked within minutes of getting a public address: harden it *before* you deploy.',
    '',
    'Further reading: the [CIS benchmarks](https://www.cisecurity.org/cis-benchmarks) and the',
    '[Debian security manual](https://www.debian.org/doc/manuals/securing-debian-manual/). Check your work',
    'with `ss -tlnp` and `ufw status verbose`; a port you did not expect to see open is a finding.',
    '',
    '- Keep a second session open while you change SSH settings.',
    '- Write down every change in the run book.',
    '- Ask your mentor to review the firewall rules.',
  ].join('\n');
}


/**
 * A bench cohort over one published version, its course started two weeks ago (modules unlock by
 * schedule), moved to `status` (running by default; the roster scenario's accepts want one still
 * accepting applications). A refusal stops the set-up (apiCall throws with the answer).
 */
export async function runningCohort(
  baseUrl: string,
  admin: string,
  versionId: string,
  name: string,
  capacity: number,
  status: 'running' | 'accepting_applications' = 'running',
): Promise<{ id: string }> {
  const now = Date.now();
  const cohort = await call(baseUrl, admin, 'POST', '/api/v1/cohorts', {
    name: `${name} ${Math.random().toString(36).slice(2, 8)}`,
    courseVersionIds: [versionId],
    capacity,
    applicationsOpenAt: new Date(now - DAY).toISOString(),
    applicationsCloseAt: new Date(now + 7 * DAY).toISOString(),
    startsAt: new Date(now - 14 * DAY).toISOString(),
    endsAt: new Date(now + 90 * DAY).toISOString(),
    unlockMode: 'schedule',
  });
  await call(baseUrl, admin, 'POST', `/api/v1/cohorts/${cohort.id}/status`, { status });
  return cohort;
}

export async function publishCourse(baseUrl: string, admin: string): Promise<Omit<TraineeCourse, 'tokens'>> {
  const course = await call(baseUrl, admin, 'POST', '/api/v1/courses', {
    code: `bench-reads-${Math.random().toString(36).slice(2, 10)}`,
    title: 'Bench: Linux server administration',
    summary: 'A course for the trainee read benchmarks.',
    trackCode: 'cloud-engineering',
    level: 'beginner',
    estimatedHours: 40,
  });
  const lessonIds: string[] = [];
  for (let m = 1; m <= MODULES; m++) {
    const module = await call(baseUrl, admin, 'POST', `/api/v1/courses/${course.id}/modules`, { title: `Module ${m}` });
    for (let l = 1; l <= LESSONS_PER_MODULE; l++) {
      const lesson = await call(baseUrl, admin, 'POST', `/api/v1/modules/${module.id}/lessons`, {
        title: `Lesson ${m}.${l}`,
        kind: 'lab',
        body: lessonBody(m, l),
        environmentNotes: 'Use the **sandbox VM** from the lab portal; it is reset every night.',
      });
      lessonIds.push(lesson.id);
    }
  }
  const version = await call(baseUrl, admin, 'POST', `/api/v1/courses/${course.id}/publish`, { changeNote: 'bench' });
  return { courseId: course.id, version: version.version, versionId: version.versionId, lessonIds };
}

export async function setupTraineeCourse(ctx: BenchContext): Promise<TraineeCourse> {
  const emails = await seedTrainees(ctx.db, TRAINEES, ctx.log);
  const tokens = await ctx.signIn(emails, SEEDED_PASSWORD);
  const admin = await ctx.admin.token();
  ctx.log(`  publishing a ${MODULES} × ${LESSONS_PER_MODULE} course, a running cohort, enrolling ${TRAINEES} trainees`);
  const course = await publishCourse(ctx.api.url, admin);
  const cohort = await runningCohort(ctx.api.url, admin, course.versionId, 'Bench reads', TRAINEES);
  const trainees = await ctx.db.query<{ id: string }>('SELECT id FROM app_user WHERE email = ANY($1) ORDER BY email', [emails]);
  for (const { id } of trainees) {
    await call(ctx.api.url, admin, 'POST', `/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: id });
  }
  ctx.log(`  each trainee completes ${LESSONS_DONE} lessons`);
  for (const token of tokens) {
    for (const lessonId of course.lessonIds.slice(0, LESSONS_DONE)) await call(ctx.api.url, token, 'POST', `/api/v1/lessons/${lessonId}/complete`);
  }
  return { ...course, tokens };
}
