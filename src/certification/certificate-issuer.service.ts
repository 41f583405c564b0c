import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { PublishedCourseVersions, CourseVersionOutline } from '../course/published-course-versions.contract';
import { EnrollmentDirectory, EnrollmentRef } from '../cohort/enrollment-directory.contract';
import { AssessmentResults } from '../assessment/assessment-results.contract';
import { UserDirectory } from '../identity/identity.module';
import { Certificate } from './certificate.entity';
import { CertificateEvent } from './certificate-event.entity';
import { evaluateCriteria, skillsOf, CriteriaVerdict } from './certification-criteria';
import { CertificationCriteriaService } from './certification-criteria.service';
import { CredentialSigner } from './credential-signer.service';
import { buildOpenBadgeCredential, SkillFact, wholeSecond } from './open-badge-credential';
import { CompetencyFramework } from '../course/competency-framework.contract';
import { newVerificationCode } from './verification-code';

export type EvaluationOutcome = 'issued' | 'already-certified' | 'flagged' | 'not-met' | 'skipped';

/**
 * Hears `evaluate-certificate` (published by the cohort module when progress changes) and issues the
 * certificate when the criteria are met. Idempotent: a unique (trainee, course version) constraint
 * makes a repeated or concurrent run a no-op. A certified trainee found below the criteria later
 * (a regrade) is not revoked: the certificate is flagged for an admin's review.
 */
@Injectable()
export class CertificateIssuer {
  private readonly logger = new Logger(CertificateIssuer.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
    private readonly enrollments: EnrollmentDirectory,
    private readonly versions: PublishedCourseVersions,
    private readonly results: AssessmentResults,
    private readonly people: UserDirectory,
    private readonly criteria: CertificationCriteriaService,
    private readonly signer: CredentialSigner,
    private readonly framework: CompetencyFramework,
  ) {}

  @JobHandler('evaluate-certificate')
  async handle(job: HandledJob<'evaluate-certificate'>): Promise<void> {
    const outcome = await this.evaluate(job.data.enrollmentId);
    this.logger.debug(`evaluate-certificate ${job.data.enrollmentId}: ${outcome}`);
  }

  @Transactional()
  async evaluate(enrollmentId: string): Promise<EvaluationOutcome> {
    const enrollment = await this.enrollments.getEnrollment(enrollmentId);
    if (!enrollment) return 'skipped';
    const outline = await this.versions.getOutline(enrollment.courseVersionId);
    if (!outline) return 'skipped';
    const verdict = await this.verdictFor(enrollment, outline);
    const existing = await this.txHost.tx
      .getRepository(Certificate)
      .findOneBy({ traineeId: enrollment.traineeId, courseVersionId: enrollment.courseVersionId });
    if (existing) return verdict.met ? 'already-certified' : this.flagForReview(existing, verdict);
    if (!verdict.met || enrollment.status === 'withdrawn') return 'not-met';
    return (await this.issue(enrollment, outline)) ? 'issued' : 'already-certified';
  }

  private async verdictFor(enrollment: EnrollmentRef, outline: CourseVersionOutline): Promise<CriteriaVerdict> {
    // One after another: inside this transaction every query shares one connection, where
    // parallel queries are only queued by pg today and refused by pg 9.
    const criteria = await this.criteria.effective(outline.versionId);
    const completedModuleIds = await this.enrollments.completedModules(enrollment.enrollmentId);
    const results = await this.results.resultsOfEnrollment(enrollment.enrollmentId);
    const courseScore = await this.results.courseScore(enrollment.enrollmentId);
    return evaluateCriteria(outline, criteria, { completedModuleIds, results, courseScore });
  }

  /** Inserts the certificate unless one exists for (trainee, version); answers whether this run issued it. */
  private async issue(enrollment: EnrollmentRef, outline: CourseVersionOutline): Promise<boolean> {
    const trainee = await this.people.findById(enrollment.traineeId);
    if (!trainee) return false;
    const id = randomUUID();
    const subjectId = randomUUID();
    const issuedAt = new Date();
    // The credential is valid from the start of this second: VC-JWT NumericDates are whole seconds and must equal validFrom.
    const validFrom = wholeSecond(issuedAt);
    const validUntil = this.config.CERT_VALIDITY_MONTHS > 0 ? addMonths(validFrom, this.config.CERT_VALIDITY_MONTHS) : null;
    const skillCodes = skillsOf(outline);
    const skills = await this.skillFacts(skillCodes);
    const trackName = (await this.framework.track(outline.trackCode))?.name ?? outline.trackCode;
    const criteria = await this.criteria.effective(outline.versionId);
    const credential = buildOpenBadgeCredential(
      {
        certificateId: id,
        subjectId,
        email: trainee.email,
        courseVersionId: outline.versionId,
        courseTitle: outline.courseTitle,
        courseCode: outline.courseCode,
        trackName,
        skills,
        criteriaNarrative: criteria.narrative,
        issuedAt: validFrom,
        validUntil,
      },
      this.issuerFacts(),
    );
    const { jwt, kid } = await this.signer.sign(credential);
    const inserted = await this.txHost.tx
      .createQueryBuilder()
      .insert()
      .into(Certificate)
      .values({
        id,
        traineeId: trainee.id,
        enrollmentId: enrollment.enrollmentId,
        cohortId: enrollment.cohortId,
        courseVersionId: outline.versionId,
        verificationCode: newVerificationCode(),
        holderName: trainee.displayName,
        courseTitle: outline.courseTitle,
        courseCode: outline.courseCode,
        trackCode: outline.trackCode,
        skillCodes,
        trackName,
        skills: skills.map(({ code, name }) => ({ code, name })),
        credentialSubjectId: subjectId,
        courseScore: await this.results.courseScore(enrollment.enrollmentId),
        credentialJwt: jwt,
        signingKid: kid,
        issuedAt,
        validUntil,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) return false;
    await this.txHost.tx.getRepository(CertificateEvent).insert({ certificateId: id, kind: 'issued', actorId: null, detail: null });
    await this.outbox.publish(
      'notify',
      { type: 'certificate-issued', eventKey: `certificate-issued:${id}`, recipientIds: [trainee.id], data: { certificateId: id, courseTitle: outline.courseTitle } },
    );
    await this.outbox.publish('trainee-evidence-changed', { traineeId: trainee.id });
    return true;
  }

  issuerFacts() {
    const c = this.config;
    return { name: c.CERT_ISSUER_NAME, url: c.certIssuerUrl, description: c.CERT_ISSUER_DESCRIPTION, publicBaseUrl: c.PUBLIC_BASE_URL };
  }

  /** Names and descriptions of the skills, from the course module; a code it no longer knows keeps its code as name. */
  private async skillFacts(codes: string[]): Promise<SkillFact[]> {
    const known = new Map((await this.framework.skillsByCodes(codes)).map((s) => [s.code, s]));
    return codes.map((code) => ({ code, name: known.get(code)?.name ?? code, description: known.get(code)?.description ?? code }));
  }

  /** Flags once: a certificate already under review, kept by an admin, or revoked is left alone. */
  private async flagForReview(certificate: Certificate, verdict: CriteriaVerdict): Promise<EvaluationOutcome> {
    if (certificate.revokedAt || certificate.reviewStatus !== null) return 'already-certified';
    const detail = `No longer meets the criteria: ${verdict.shortfalls.join('; ')}`;
    const updated = await this.txHost.tx.query(
      `UPDATE certificate SET review_status = 'pending', review_flagged_at = now(), review_detail = $2
        WHERE id = $1 AND review_status IS NULL AND revoked_at IS NULL RETURNING id`,
      [certificate.id, detail],
    );
    if (updated[0].length === 0) return 'already-certified';
    await this.txHost.tx.getRepository(CertificateEvent).insert({ certificateId: certificate.id, kind: 'flagged', actorId: null, detail });
    return 'flagged';
  }
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
