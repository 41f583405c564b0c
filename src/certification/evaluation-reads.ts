import { Injectable } from '@nestjs/common';
import { DirectReads, namedStatement } from '@gds/database';
import { AppConfig } from '../config/app-config';
import { Certificate } from './certificate.entity';
import { EffectiveCriteria, effectiveCriteria } from './certification-criteria.service';

/** What an evaluation needs of a certificate the trainee already holds for the version. */
export type HeldCertificate = Pick<Certificate, 'id' | 'revokedAt' | 'reviewStatus'>;

interface Row {
  criteriaVersionId: string | null;
  requireAllModules: boolean | null;
  requireRequiredAssessments: boolean | null;
  /** numeric(5,2) as pg's text, turned into a number as the entity's transformer does. */
  minCourseScore: string | null;
  narrative: string | null;
  updatedAt: Date | null;
  certificateId: string | null;
  revokedAt: Date | null;
  reviewStatus: Certificate['reviewStatus'];
}

/**
 * The version's criteria row and the trainee's certificate of the version, either possibly absent:
 * one row always (the LEFT JOINs hang off a single-row VALUES). Both lookups are by key (the criteria's
 * primary key, the certificate's unique (trainee, version)), so the plan never depends on the values.
 */
const CRITERIA_AND_CERTIFICATE = namedStatement(
  'certification:criteria-and-certificate',
  `SELECT cc.course_version_id AS "criteriaVersionId", cc.require_all_modules AS "requireAllModules",
          cc.require_required_assessments AS "requireRequiredAssessments", cc.min_course_score AS "minCourseScore",
          cc.narrative, cc.updated_at AS "updatedAt",
          cert.id AS "certificateId", cert.revoked_at AS "revokedAt", cert.review_status AS "reviewStatus"
     FROM (VALUES (1)) AS one (x)
     LEFT JOIN certification_criteria cc ON cc.course_version_id = $1
     LEFT JOIN certificate cert ON cert.course_version_id = $1 AND cert.trainee_id = $2`,
);

/**
 * What the `evaluate-certificate` job reads of certification's own tables, in one named statement
 * (issue 23: a TypeORM findOneBy each before, built and planned on every progress change).
 */
@Injectable()
export class EvaluationReads {
  constructor(
    private readonly reads: DirectReads,
    private readonly config: AppConfig,
  ) {}

  async criteriaAndCertificate(courseVersionId: string, traineeId: string): Promise<{ criteria: EffectiveCriteria; certificate: HeldCertificate | null }> {
    const [row] = await this.reads.query<Row>(CRITERIA_AND_CERTIFICATE, [courseVersionId, traineeId]);
    const criteriaRow =
      row.criteriaVersionId === null
        ? null
        : {
            requireAllModules: row.requireAllModules!,
            requireRequiredAssessments: row.requireRequiredAssessments!,
            minCourseScore: Number(row.minCourseScore),
            narrative: row.narrative,
            updatedAt: row.updatedAt!,
          };
    return {
      criteria: effectiveCriteria(courseVersionId, criteriaRow, this.config.CERT_DEFAULT_MIN_SCORE),
      certificate: row.certificateId === null ? null : { id: row.certificateId, revokedAt: row.revokedAt, reviewStatus: row.reviewStatus },
    };
  }
}
