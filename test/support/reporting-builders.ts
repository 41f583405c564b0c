import { randomUUID } from 'node:crypto';
import { CohortOutcomeReport } from '../../src/reporting/cohort-outcome-report';
import { CohortFactsSource, EnrollmentStatus, ApplicationStatus } from '../../src/reporting/ports/cohort-facts.source';
import { AssessmentFactsSource } from '../../src/reporting/ports/assessment-facts.source';
import { CertificateFactsSource } from '../../src/reporting/ports/certificate-facts.source';
import { FakeCohortFacts } from './fakes/cohort-facts.fake';
import { FakeAssessmentFacts } from './fakes/assessment-facts.fake';
import { FakeCertificateFacts } from './fakes/certificate-facts.fake';

const DAY = 24 * 60 * 60 * 1000;
export const TRACKS = ['CYB', 'DATA', 'UX', 'CLOUD'];
export const SKILLS = ['analysis', 'cloud-iam', 'sql', 'threat-hunting', 'wireframing'];

/** The three fakes reporting reads through, and the overrides that put them in a test app. */
export class ReportingFakes {
  readonly cohorts = new FakeCohortFacts();
  readonly assessments = new FakeAssessmentFacts();
  readonly certificates = new FakeCertificateFacts();

  overrides() {
    return [
      { provide: CohortFactsSource, useValue: this.cohorts },
      { provide: AssessmentFactsSource, useValue: this.assessments },
      { provide: CertificateFactsSource, useValue: this.certificates },
    ];
  }
}

/** Deterministic pseudo-random numbers (mulberry32) so a failing property replays from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WorldOptions {
  cohortId?: string;
  name?: string;
  instructorIds?: string[];
  /** Trainees who apply; about two thirds are accepted and enrolled. */
  traineeIds: string[];
  seed: number;
  asOf?: Date;
}

/** A random but plausible cohort, written into the fakes. Answers its id. */
export function buildCohortWorld(fakes: ReportingFakes, options: WorldOptions): string {
  const rnd = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  const asOf = (options.asOf ?? new Date()).getTime();
  const cohortId = options.cohortId ?? randomUUID();
  const versions = TRACKS.slice(0, 2 + Math.floor(rnd() * 3)).map((trackCode, i) => ({
    versionId: randomUUID(),
    courseCode: `${trackCode}-10${i}`,
    courseTitle: `${trackCode} foundations <${i}> & "more"`,
    trackCode,
  }));
  fakes.cohorts.cohorts.set(cohortId, {
    cohortId,
    name: options.name ?? `Cohort ${options.seed}`,
    instructorIds: options.instructorIds ?? [],
    courseVersions: versions,
    startsAt: new Date(asOf - 90 * DAY),
    endsAt: new Date(asOf + 30 * DAY),
    timeZone: 'America/Belize',
  });
  for (const v of versions) {
    const count = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < count; i++) {
      const skills = [...new Set([pick(SKILLS), ...(rnd() < 0.4 ? [pick(SKILLS)] : [])])];
      fakes.assessments.allAssessments.push({ assessmentId: randomUUID(), versionId: v.versionId, title: `${v.courseCode} check ${i}`, skillCodes: skills });
    }
  }
  const applications = [];
  const enrollments = [];
  const activity = [];
  for (const traineeId of options.traineeIds) {
    const accepted = rnd() < 0.7;
    const status: ApplicationStatus = accepted ? 'accepted' : pick(['submitted', 'shortlisted', 'waitlisted', 'rejected', 'withdrawn'] as const);
    applications.push({ traineeId, status, submittedAt: new Date(asOf - 100 * DAY) });
    if (!accepted) continue;
    const mine = rnd() < 0.15 ? versions.slice(0, 2) : [pick(versions)];
    for (const v of mine) {
      const enrollment = enrollmentOf(traineeId, v.versionId, rnd, asOf);
      enrollments.push(enrollment);
      addOutcomes(fakes, enrollment, rnd, asOf);
    }
    const events = Math.floor(rnd() * 6);
    for (let i = 0; i < events; i++) activity.push({ traineeId, at: new Date(asOf - Math.floor(rnd() * 70 * DAY)) });
  }
  fakes.cohorts.applicationsOf.set(cohortId, applications);
  fakes.cohorts.enrollmentsOf.set(cohortId, enrollments);
  fakes.cohorts.activityOf.set(cohortId, activity);
  return cohortId;
}

function enrollmentOf(traineeId: string, courseVersionId: string, rnd: () => number, asOf: number) {
  const roll = rnd();
  const status: EnrollmentStatus = roll < 0.5 ? 'active' : roll < 0.65 ? 'withdrawn' : 'completed';
  const enrolledAt = new Date(asOf - (40 + Math.floor(rnd() * 40)) * DAY);
  return {
    enrollmentId: randomUUID(),
    traineeId,
    courseVersionId,
    status,
    enrolledAt,
    completedAt: status === 'completed' ? new Date(enrolledAt.getTime() + Math.floor(rnd() * 35 * DAY)) : null,
    percent: status === 'completed' ? 100 : Math.floor(rnd() * 100),
    lastActivityAt: null,
    atRisk: status === 'active' && rnd() < 0.3,
  };
}

function addOutcomes(fakes: ReportingFakes, e: { enrollmentId: string; traineeId: string; courseVersionId: string; status: EnrollmentStatus }, rnd: () => number, asOf: number) {
  for (const a of fakes.assessments.allAssessments.filter((x) => x.versionId === e.courseVersionId)) {
    if (rnd() < 0.3) continue;
    const score = Math.floor(rnd() * 11);
    fakes.assessments.allResults.push({ enrollmentId: e.enrollmentId, assessmentId: a.assessmentId, passed: score >= 6, bestScore: score, maxScore: 10 });
  }
  if (rnd() < 0.8) fakes.assessments.scores.set(e.enrollmentId, Math.round(rnd() * 10000) / 100);
  if (e.status === 'completed' && rnd() < 0.75) {
    fakes.certificates.all.push({ enrollmentId: e.enrollmentId, traineeId: e.traineeId, issuedAt: new Date(asOf - DAY), revokedAt: rnd() < 0.1 ? new Date(asOf) : null });
  }
}

/** Every number a dashboard shows, by its data-metric name, read from the JSON report ("suppressed" where withheld). */
export function dashboardMetrics(r: CohortOutcomeReport): Record<string, string> {
  const num = (v: number | null) => (v === null ? 'suppressed' : String(v));
  const out: Record<string, string> = { minCellSize: String(r.minCellSize), applicants: String(r.applicants), accepted: String(r.accepted) };
  const f = r.overall;
  for (const key of ['enrolled', 'active', 'withdrawn', 'completed', 'certified', 'atRisk', 'weeklyActiveTrainees'] as const) out[`overall.${key}`] = num(f[key]);
  out['overall.placed'] = num(f.placements.placed);
  const tracks = r.tracks.filter((t) => t.figures).map((t) => ({ code: t.trackCode, figures: t.figures! }));
  if (r.otherTracks) tracks.push({ code: 'other tracks', figures: r.otherTracks.figures });
  for (const t of tracks) {
    out[`track.${t.code}.enrolled`] = num(t.figures.enrolled);
    out[`track.${t.code}.completed`] = num(t.figures.completed);
    out[`track.${t.code}.certified`] = num(t.figures.certified);
  }
  for (const a of f.assessments) out[`assessment.${a.assessmentId}.passed`] = num(a.passed);
  for (const w of r.weeklyActivity) out[`week.${w.weekStarting}`] = num(w.activeTrainees);
  for (const [dimension, t] of Object.entries(r.disaggregation)) {
    t.rows.forEach((_, i) => t.columns.forEach((__, j) => (out[`by.${dimension}.${i}.${j}`] = num(t.cells[i][j]))));
    if (!t.withheld) out[`by.${dimension}.total.total`] = String(t.grandTotal);
  }
  return out;
}

/** Trainees with demographics, written straight into app_user (fast: no password hashing); answers their ids. */
export async function insertTrainees(
  dataSource: { query(sql: string, params: unknown[]): Promise<unknown> },
  count: number,
  seed: number,
  /** Employer values to pick from: organisation ids, or 'other'. */
  employers: string[] = ['other'],
): Promise<string[]> {
  const rnd = seededRandom(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const ids = Array.from({ length: count }, () => randomUUID());
  await dataSource.query(
    `INSERT INTO app_user (id, email, display_name, roles, gender, birth_year, district, employer)
     SELECT id, 'trainee-' || id || '@example.test', 'Trainee ' || left(id::text, 8), ARRAY['trainee'], g, b, d, e
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[]) AS t(id, g, b, d, e)`,
    [
      ids,
      ids.map(() => pick(['female', 'female', 'male', 'non_binary', 'prefer_not_to_say'])),
      ids.map(() => 1975 + Math.floor(rnd() * 30)),
      ids.map(() => pick(['Belize', 'Cayo', 'Orange Walk', 'Stann Creek'])),
      ids.map(() => pick(employers)),
    ],
  );
  // Demographics count only with consent in force.
  await dataSource.query('INSERT INTO demographic_consent (user_id, version, given_at) SELECT id, 1, now() FROM unnest($1::uuid[]) AS id', [ids]);
  return ids;
}

/** Makes sure a trainee holds an (active) enrollment in the cohort, e.g. one who signs in during a test. */
export function enrollInWorld(fakes: ReportingFakes, cohortId: string, traineeId: string): void {
  const enrollments = fakes.cohorts.enrollmentsOf.get(cohortId)!;
  if (enrollments.some((e) => e.traineeId === traineeId)) return;
  const version = fakes.cohorts.cohorts.get(cohortId)!.courseVersions[0];
  enrollments.push({
    enrollmentId: randomUUID(), traineeId, courseVersionId: version.versionId, status: 'active',
    enrolledAt: new Date(Date.now() - 10 * DAY), completedAt: null, percent: 10, lastActivityAt: null, atRisk: false,
  });
}
