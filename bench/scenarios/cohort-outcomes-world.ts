import { randomUUID } from 'node:crypto';
import { ActivityFact, ApplicationFact, CohortFact, CohortFactsSource, EnrollmentFact } from '../../src/reporting/ports/cohort-facts.source';
import { AssessmentFact, AssessmentFactsSource, AssessmentResultFact } from '../../src/reporting/ports/assessment-facts.source';
import { CertificateFact, CertificateFactsSource } from '../../src/reporting/ports/certificate-facts.source';

const DAY = 24 * 60 * 60 * 1000;
const TRACKS = ['CYB', 'DATA', 'UX', 'CLOUD'];

/**
 * A large cohort held in memory behind reporting's ports, for the `cohort-outcomes` bench until
 * the cohort, assessment and certification modules are bound: `trainees` enrolled trainees, each
 * with `assessmentsPerTrainee` best results standing for their submissions.
 */
export class LargeCohortWorld {
  readonly cohortId = randomUUID();
  readonly cohortFact: CohortFact;
  readonly applicationFacts: ApplicationFact[] = [];
  readonly enrollmentFacts: EnrollmentFact[] = [];
  readonly activityFacts: ActivityFact[] = [];
  readonly assessmentFacts: AssessmentFact[] = [];
  readonly resultFacts: AssessmentResultFact[] = [];
  readonly scoreFacts = new Map<string, number>();
  readonly certificateFacts: CertificateFact[] = [];

  constructor(
    readonly traineeIds: string[],
    assessmentsPerTrainee: number,
  ) {
    const now = Date.now();
    const versions = TRACKS.map((trackCode, i) => ({ versionId: randomUUID(), courseCode: `${trackCode}-1`, courseTitle: `${trackCode} ${i}`, trackCode }));
    this.cohortFact = { cohortId: this.cohortId, name: 'Bench cohort', instructorIds: [], courseVersions: versions, startsAt: new Date(now - 120 * DAY), endsAt: null, timeZone: 'America/Belize' };
    for (const v of versions) {
      for (let i = 0; i < assessmentsPerTrainee; i++) {
        this.assessmentFacts.push({ assessmentId: randomUUID(), versionId: v.versionId, title: `${v.courseCode} #${i}`, skillCodes: [`skill-${i % 12}`] });
      }
    }
    traineeIds.forEach((traineeId, n) => this.addTrainee(traineeId, n, versions[n % versions.length].versionId, now));
  }

  private addTrainee(traineeId: string, n: number, versionId: string, now: number): void {
    this.applicationFacts.push({ traineeId, status: 'accepted', submittedAt: new Date(now - 130 * DAY) });
    const status = n % 10 < 5 ? 'active' : n % 10 < 7 ? 'withdrawn' : 'completed';
    const enrollmentId = randomUUID();
    const enrolledAt = new Date(now - 100 * DAY);
    this.enrollmentFacts.push({
      enrollmentId, traineeId, courseVersionId: versionId, status, enrolledAt,
      completedAt: status === 'completed' ? new Date(enrolledAt.getTime() + (30 + (n % 40)) * DAY) : null,
      percent: status === 'completed' ? 100 : n % 100, lastActivityAt: null, atRisk: status === 'active' && n % 7 === 0,
    });
    for (const a of this.assessmentFacts) {
      if (a.versionId !== versionId) continue;
      const score = (n * 7 + a.title.length) % 11;
      this.resultFacts.push({ enrollmentId, assessmentId: a.assessmentId, passed: score >= 6, bestScore: score, maxScore: 10 });
    }
    this.scoreFacts.set(enrollmentId, (n * 37) % 100);
    if (status === 'completed' && n % 4 !== 0) this.certificateFacts.push({ enrollmentId, traineeId, issuedAt: new Date(now - DAY), revokedAt: null });
    this.activityFacts.push({ traineeId, at: new Date(now - (n % 50) * DAY) });
  }

  /** Providers binding reporting's ports to this world (pass as test-app overrides). */
  overrides() {
    return worldOverrides(this);
  }
}

function worldOverrides(world: LargeCohortWorld) {
    const byEnrollment = <T extends { enrollmentId: string }>(items: T[], ids: string[]) => {
      const wanted = new Set(ids);
      return items.filter((i) => wanted.has(i.enrollmentId));
    };
    const cohorts = new (class extends CohortFactsSource {
      cohort = async (id: string) => (id === world.cohortId ? world.cohortFact : null);
      listCohortIds = async () => [world.cohortId];
      applications = async () => world.applicationFacts;
      enrollments = async () => world.enrollmentFacts;
      activity = async (_: string, since: Date) => world.activityFacts.filter((a) => a.at >= since);
    })();
    const assessments = new (class extends AssessmentFactsSource {
      results = async (ids: string[]) => byEnrollment(world.resultFacts, ids);
      assessments = async () => world.assessmentFacts;
      courseScores = async () => world.scoreFacts;
    })();
    const certificates = new (class extends CertificateFactsSource {
      certificates = async (ids: string[]) => byEnrollment(world.certificateFacts, ids);
    })();
    return [
      { provide: CohortFactsSource, useValue: cohorts },
      { provide: AssessmentFactsSource, useValue: assessments },
      { provide: CertificateFactsSource, useValue: certificates },
    ];
}
