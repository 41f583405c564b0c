import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { PublishedCourseVersions, CourseVersionOutline } from '../course/published-course-versions.contract';
import { EnrollmentDirectory, EnrollmentRef, EnrollmentWithCompletedModules } from '../cohort/enrollment-directory.contract';
import { AssessmentResults } from '../assessment/assessment-results.contract';
import { UserDirectory } from '../identity/identity.module';
import { Certificate } from './certificate.entity';
import { CertificateEvent } from './certificate-event.entity';
import { evaluateCriteria, skillsOf, CriteriaSettings, CriteriaVerdict } from './certification-criteria';
import { EffectiveCriteria } from './certification-criteria.service';
import { EvaluationReads, HeldCertificate } from './evaluation-reads';
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
    private readonly reads: EvaluationReads,
    private readonly signer: CredentialSigner,
    private readonly framework: CompetencyFramework,
  ) {}

  @JobHandler('evaluate-certificate')
  async handle(job: HandledJob<'evaluate-certificate'>): Promise<void> {
    const outcome = await this.evaluate(job.data.enrollmentId);
    this.logger.debug(`evaluate-certificate ${job.data.enrollmentId}: ${outcome}`);
  }

  /**
   * Reads on the pool, the writes in a transaction of their own (issuing, flagging). Under READ
   * COMMITTED each statement reads its own snapshot, in a transaction or not, so reading before BEGIN
   * decides nothing differently; what decides a race is unchanged (the unique (trainee, version)
   * and the flag's guarded UPDATE). Issue 23: the common evaluation, after a lesson that completes
   * nothing, is two statements (it was eleven, in a transaction).
   */
  async evaluate(enrollmentId: string): Promise<EvaluationOutcome> {
    const enrollment = await this.enrollments.enrollmentWithCompletedModules(enrollmentId);
    if (!enrollment) return 'skipped';
    const outline = await this.versions.getOutline(enrollment.courseVersionId);
    if (!outline) return 'skipped';
    const { criteria, certificate } = await this.reads.criteriaAndCertificate(outline.versionId, enrollment.traineeId);
    if (!certificate && cannotIssue(enrollment, outline, criteria)) return 'not-met';
    const { results, courseScore } = await this.results.standingOfEnrolled(enrollment);
    const verdict = evaluateCriteria(outline, criteria, { completedModuleIds: enrollment.completedModuleIds, results, courseScore });
    if (certificate) return verdict.met ? 'already-certified' : this.flagForReview(certificate, verdict);
    if (!verdict.met || enrollment.status === 'withdrawn') return 'not-met';
    return (await this.issue(enrollment, outline, criteria, courseScore)) ? 'issued' : 'already-certified';
  }

  /** Inserts the certificate unless one exists for (trainee, version); answers whether this run issued it. */
  @Transactional()
  private async issue(enrollment: EnrollmentRef, outline: CourseVersionOutline, criteria: EffectiveCriteria, courseScore: number | null): Promise<boolean> {
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
        courseScore,
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
  @Transactional()
  private async flagForReview(certificate: HeldCertificate, verdict: CriteriaVerdict): Promise<EvaluationOutcome> {
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

/**
 * Whether the criteria cannot be met whatever the results say, so an evaluation with no certificate
 * to flag can answer 'not-met' without reading them (the common case: a lesson done that completes
 * nothing). Exactly the cases where evaluateCriteria has a module shortfall, or where a withdrawn
 * enrollment is refused whatever the verdict.
 */
function cannotIssue(enrollment: EnrollmentWithCompletedModules, outline: CourseVersionOutline, criteria: CriteriaSettings): boolean {
  if (enrollment.status === 'withdrawn') return true;
  if (!criteria.requireAllModules) return false;
  const done = new Set(enrollment.completedModuleIds);
  return outline.modules.some((m) => !done.has(m.moduleId));
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
