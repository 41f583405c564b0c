import type { ActivityFact, ApplicationFact, CohortFact, EnrollmentFact } from './ports/cohort-facts.source';
import type { AssessmentFact, AssessmentResultFact } from './ports/assessment-facts.source';
import type { CertificateFact } from './ports/certificate-facts.source';

/** What is known of a trainee for disaggregation; never published as such. */
export interface PersonFact {
  gender: string | null;
  birthYear: number | null;
  district: string | null;
  employer: string | null;
}

export interface PlacementFact {
  traineeId: string;
  startsOn: string;
  followUps: Array<{ month: 3 | 6; stillInRole: boolean; checkedOn: string }>;
}

/** Every fact a cohort's outcome report is computed from, gathered once. */
export interface OutcomeInputs {
  cohort: CohortFact;
  applications: ApplicationFact[];
  enrollments: EnrollmentFact[];
  activity: ActivityFact[];
  results: AssessmentResultFact[];
  assessments: AssessmentFact[];
  scores: Map<string, number>;
  certificates: CertificateFact[];
  people: Map<string, PersonFact>;
  placements: PlacementFact[];
  /** Trainee ids at each talent-pipeline stage (absent in inputs built before the pipeline existed: counted as none). */
  pipeline?: Record<'listed' | 'viewed' | 'shortlisted' | 'interviewed' | 'hired', string[]>;
  asOf: Date;
  minCellSize: number;
}
