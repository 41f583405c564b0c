import { randomUUID } from 'node:crypto';
import { OutcomeFacts } from '../../src/reporting/outcome-facts.service';
import { cohortOutcomeReport } from '../../src/reporting/cohort-outcome-report';
import type { PersonSummary, UserDirectory } from '../../src/identity/user-directory.service';
import type { AppConfig } from '../../src/config/app-config';
import { buildCohortWorld, ReportingFakes, seededRandom } from './reporting-builders';
import { FakeOrganisationDirectory } from './fakes/organisation-directory.fake';
import { FakeTalentPipeline } from './fakes/talent-pipeline.fake';
import { FakePeopleDirectory } from './fakes/people-directory.fake';

const DAY = 24 * 60 * 60 * 1000;
const GENDERS = ['female', 'male', 'non_binary', 'prefer_not_to_say', null];
const DISTRICTS = ['Belize', 'Cayo', 'Corozal', 'Orange Walk', 'Stann Creek', 'Toledo', 'other', null];
const EMPLOYERS = ['Caribe Contact Solutions', 'Jaguar BPO', 'Reef Connect', 'other', null];

type Placement = { trainee_id: string; starts_on: string; follow_ups: Array<{ month: 3 | 6; stillInRole: boolean; checkedOn: string }> };

export interface RandomCohortOptions {
  /** Every enrollment completed and certified. */
  allCertified?: boolean;
  /** Every trainee in a district and employer of their own. */
  singletons?: boolean;
}

/** A random cohort in the fakes plus random people and placements; the report is gathered through the ports. */
export async function randomCohort(seed: number, trainees: number, k: number, options: RandomCohortOptions = {}) {
  const fakes = new ReportingFakes();
  const rnd = seededRandom(seed ^ 0x5bd1e995);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const people: PersonSummary[] = Array.from({ length: trainees }, (_, i) => ({
    id: randomUUID(), email: 'x@example.test', displayName: 'x', roles: ['trainee'], active: true, language: 'en', timeZone: 'America/Belize',
    gender: pick(GENDERS), birthYear: rnd() < 0.1 ? null : 1970 + Math.floor(rnd() * 36),
    district: options.singletons ? `district ${i}` : pick(DISTRICTS), employer: options.singletons ? `employer ${i}` : pick(EMPLOYERS),
  }));
  const asOf = new Date('2026-11-29T12:00:00Z');
  const cohortId = buildCohortWorld(fakes, { traineeIds: people.map((p) => p.id), seed, asOf });
  if (options.allCertified) certifyEveryone(fakes, cohortId, asOf);
  const placements: Placement[] = people
    .filter(() => rnd() < 0.25)
    // A start the report counts: after the course began (asOf − 90 days) and every enrollment (asOf − 40 days at the latest).
    .map((p) => ({ trainee_id: p.id, starts_on: '2026-10-20', follow_ups: [] }));
  // Everyone consented to the use of their fields; all live in the cohort's zone, where placement days are counted.
  const directoryOfPeople = new FakePeopleDirectory();
  for (const person of people) directoryOfPeople.add(person, true);
  // The fake has the two reads OutcomeFacts makes (checked against identity by test/contracts/people-directory.contract-suite.ts).
  const directory = directoryOfPeople as unknown as UserDirectory;
  // Employers are named by their organisation's id; here the id is the name.
  const organisations = new FakeOrganisationDirectory();
  for (const employer of new Set(people.map((p) => p.employer))) if (employer) organisations.add({ id: employer, name: employer, retired: false });
  const config = { profileDistricts: DISTRICTS.filter((d): d is string => d !== null && d !== 'other') } as AppConfig;
  const txHost = { tx: { query: async () => placements } } as never;
  // No talent pipeline in these cohorts: nobody reaches any stage.
  const talent = new FakeTalentPipeline();
  const facts = new OutcomeFacts(txHost, fakes.cohorts, fakes.assessments, fakes.certificates, directory, organisations, config, talent);
  const inputs = await facts.gather((await fakes.cohorts.cohort(cohortId))!, asOf, k);
  const skillsOf = new Map(fakes.assessments.allAssessments.map((a) => [a.assessmentId, a.skillCodes]));
  return { fakes, people, placements, asOf, cohortId, inputs, skillsOf, report: cohortOutcomeReport(inputs) };
}

function certifyEveryone(fakes: ReportingFakes, cohortId: string, asOf: Date): void {
  const enrollments = fakes.cohorts.enrollmentsOf.get(cohortId)!;
  for (const e of enrollments) Object.assign(e, { status: 'completed', completedAt: new Date(e.enrolledAt.getTime() + DAY), atRisk: false });
  fakes.certificates.all.length = 0;
  for (const e of enrollments) fakes.certificates.all.push({ enrollmentId: e.enrollmentId, traineeId: e.traineeId, issuedAt: asOf, revokedAt: null });
}

