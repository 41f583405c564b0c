import { Injectable } from '@nestjs/common';
import { ProblemException } from '@gds/http';
import { CohortFact, CohortFactsSource } from './cohort-facts.source';
import { AssessmentFactsSource } from './assessment-facts.source';
import { CertificateFactsSource } from './certificate-facts.source';

/*
 * Placeholders until adapters over the cohort, assessment and certification modules bind the
 * ports (those modules are built alongside this one). They know no cohort, so reports answer 404
 * and the refresh job finds nothing to do; any other question answers 503 rather than a wrong figure.
 * Replace each binding in ReportingModule with its adapter when the module lands.
 */
const unbound = () => new ProblemException(503, 'reporting-source-unbound', 'Service unavailable', 'Reporting is not yet connected to its data sources.');

@Injectable()
export class UnboundCohortFacts extends CohortFactsSource {
  async cohort(): Promise<CohortFact | null> {
    return null;
  }
  async listCohortIds(): Promise<string[]> {
    return [];
  }
  applications(): never {
    throw unbound();
  }
  enrollments(): never {
    throw unbound();
  }
  activity(): never {
    throw unbound();
  }
}

@Injectable()
export class UnboundAssessmentFacts extends AssessmentFactsSource {
  results(): never {
    throw unbound();
  }
  assessments(): never {
    throw unbound();
  }
  courseScores(): never {
    throw unbound();
  }
}

@Injectable()
export class UnboundCertificateFacts extends CertificateFactsSource {
  certificates(): never {
    throw unbound();
  }
}
