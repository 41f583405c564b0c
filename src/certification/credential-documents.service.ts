import { Injectable } from '@nestjs/common';
import { notFound } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { CompetencyFramework } from '../course/competency-framework.contract';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { renderBadgeSvg } from './badge-image';
import { Certificate } from './certificate.entity';
import { CertificationCriteriaService } from './certification-criteria.service';
import { skillsOf } from './certification-criteria';
import { AchievementDocument, IssuerProfileDocument } from './dto/verification.dto';
import { buildAchievement, issuerProfile, OB3_CONTEXT, VC_CONTEXT_V2 } from './open-badge-credential';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public documents every credential points at (Open Badges 3.0: what is signed into a credential
 * must resolve): the issuer's Profile, an Achievement per published course version, and its badge image.
 */
@Injectable()
export class CredentialDocuments {
  constructor(
    private readonly config: AppConfig,
    private readonly versions: PublishedCourseVersions,
    private readonly criteria: CertificationCriteriaService,
    private readonly framework: CompetencyFramework,
  ) {}

  issuerProfile(): IssuerProfileDocument {
    return { '@context': [VC_CONTEXT_V2, OB3_CONTEXT], ...this.profile() };
  }

  /** The course version's Achievement with the criteria in force now (a credential keeps those of its issuance). */
  async achievement(courseVersionId: string): Promise<AchievementDocument> {
    const outline = UUID.test(courseVersionId) ? await this.versions.getOutline(courseVersionId) : null;
    if (!outline) throw notFound('Achievement');
    const codes = skillsOf(outline);
    const known = new Map((await this.framework.skillsByCodes(codes)).map((s) => [s.code, s]));
    const trackName = (await this.framework.track(outline.trackCode))?.name ?? outline.trackCode;
    const achievement = buildAchievement(
      {
        courseVersionId,
        courseTitle: outline.courseTitle,
        courseCode: outline.courseCode,
        trackName,
        skills: codes.map((code) => ({ code, name: known.get(code)?.name ?? code, description: known.get(code)?.description ?? code })),
        criteriaNarrative: (await this.criteria.effective(courseVersionId)).narrative,
      },
      this.config.PUBLIC_BASE_URL,
    );
    return { '@context': [VC_CONTEXT_V2, OB3_CONTEXT], ...achievement, creator: this.profile() };
  }

  async achievementImage(courseVersionId: string): Promise<string> {
    const outline = UUID.test(courseVersionId) ? await this.versions.getOutline(courseVersionId) : null;
    if (!outline) throw notFound('Achievement');
    const trackName = (await this.framework.track(outline.trackCode))?.name ?? outline.trackCode;
    return renderBadgeSvg({ title: outline.courseTitle, courseCode: outline.courseCode, trackCode: outline.trackCode, trackName, issuerName: this.config.CERT_ISSUER_NAME });
  }

  /** The holder's badge: the achievement's image with the signed credential baked in (OB 3.0 baking, SVG). */
  bakedImage(c: Certificate): string {
    return renderBadgeSvg(
      { title: c.courseTitle, courseCode: c.courseCode, trackCode: c.trackCode, trackName: c.trackName ?? c.trackCode, issuerName: this.config.CERT_ISSUER_NAME },
      c.credentialJwt,
    );
  }

  private profile() {
    const c = this.config;
    return issuerProfile({ name: c.CERT_ISSUER_NAME, url: c.certIssuerUrl, description: c.CERT_ISSUER_DESCRIPTION, publicBaseUrl: c.PUBLIC_BASE_URL });
  }
}
