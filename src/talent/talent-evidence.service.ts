import { Injectable } from '@nestjs/common';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';
import { AssessmentResults } from '../assessment/assessment-results.contract';
import { CertifiedTrainees, VerifiedCertificate } from '../certification/certified-trainees.contract';
import { CompetencyFramework } from '../course/competency-framework.contract';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';

export interface SkillEvidence {
  code: string;
  name: string;
  /** The passed assessments that prove the skill. Never a score: a failed attempt's score is not the employer's to see. */
  evidence: Array<{ assessmentId: string; assessmentTitle: string; courseTitle: string; passedAt: Date | null }>;
}

export interface TalentEvidence {
  trackCode: string;
  trackName: string;
  cohortId: string;
  certificates: VerifiedCertificate[];
  skills: SkillEvidence[];
}

/**
 * What a trainee has proven, read through the other modules' contracts: the track and cohort of
 * their latest enrollment, their certificates in force (with verification links) and each skill
 * with the passed assessments mapped to it.
 */
@Injectable()
export class TalentEvidenceReader {
  constructor(
    private readonly enrollments: EnrollmentDirectory,
    private readonly results: AssessmentResults,
    private readonly certificates: CertifiedTrainees,
    private readonly versions: PublishedCourseVersions,
    private readonly framework: CompetencyFramework,
  ) {}

  /** Null when the trainee was never enrolled (nothing to show an employer). */
  async of(traineeId: string): Promise<TalentEvidence | null> {
    const enrollments = (await this.enrollments.enrollmentsOf(traineeId)).filter((e) => e.status !== 'withdrawn');
    if (enrollments.length === 0) return null;
    const outlines = new Map((await this.versions.getOutlines([...new Set(enrollments.map((e) => e.courseVersionId))])).map((o) => [o.versionId, o]));
    const latest = enrollments[0];
    const trackCode = outlines.get(latest.courseVersionId)?.trackCode ?? 'cybersecurity';
    const passed = (await this.results.resultsOfEnrollments(enrollments.map((e) => e.enrollmentId))).filter((r) => r.passed);
    const versionOf = new Map(enrollments.map((e) => [e.enrollmentId, e.courseVersionId]));
    const bySkill = new Map<string, SkillEvidence['evidence']>();
    for (const result of passed) {
      const outline = outlines.get(versionOf.get(result.enrollmentId)!);
      const assessment = outline?.modules.flatMap((m) => m.assessments).find((a) => a.assessmentId === result.assessmentId);
      if (!outline || !assessment) continue;
      for (const code of assessment.skillCodes) {
        const list = bySkill.get(code) ?? [];
        if (!list.some((e) => e.assessmentId === assessment.assessmentId)) {
          list.push({ assessmentId: assessment.assessmentId, assessmentTitle: assessment.title, courseTitle: outline.courseTitle, passedAt: result.lastGradedAt });
        }
        bySkill.set(code, list);
      }
    }
    const skills = await this.framework.skillsByCodes([...bySkill.keys()].sort());
    return {
      trackCode,
      trackName: (await this.framework.track(trackCode))?.name ?? trackCode,
      cohortId: latest.cohortId,
      certificates: await this.certificates.verifiedCertificatesOf(traineeId),
      skills: skills.map((s) => ({ code: s.code, name: s.name, evidence: bySkill.get(s.code)! })),
    };
  }
}
