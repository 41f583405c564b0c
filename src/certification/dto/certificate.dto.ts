import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery, IsDecimal } from '@gds/http';
import { Certificate } from '../certificate.entity';
import { CERTIFICATE_STATUSES, CertificateStatus } from '../certificate-status';
import type { CertificatePresentation } from '../certificate-presentation';
import { REVOCATION_REASON_CODES, RevocationReasonCode } from '../revocation-reasons';

export class SkillNameView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class RevocationView {
  @ApiProperty() at: string;
  @ApiProperty({ enum: REVOCATION_REASON_CODES }) reasonCode: RevocationReasonCode;
  @ApiProperty({ description: 'Human-readable label of the reason code' }) reasonLabel: string;
}

export class ShareLinksView {
  @ApiProperty({ description: 'The public verification page (copy this link)' }) verificationUrl: string;
  @ApiProperty({ description: 'LinkedIn "Add to profile" link, filled in with this certification' }) linkedInAddToProfileUrl: string;
  @ApiProperty({ description: 'The signed credential file (VC-JWT), as a download' }) credentialDownloadUrl: string;
  @ApiProperty({ description: 'The credential as JSON (for wallets and verifiers)' }) credentialJsonUrl: string;
  @ApiProperty({ description: 'The badge image with the credential baked in (SVG)' }) badgeImageUrl: string;
}

export class CertificateView {
  @ApiProperty() id: string;
  @ApiProperty() traineeId: string;
  @ApiProperty() holderName: string;
  @ApiProperty() cohortId: string;
  @ApiProperty() courseVersionId: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ description: 'Track code' }) track: string;
  @ApiProperty() trackName: string;
  @ApiProperty({ type: [String], description: 'Skill codes' }) skills: string[];
  @ApiProperty({ type: [SkillNameView] }) skillDetails: SkillNameView[];
  @ApiProperty({ nullable: true, type: Number }) courseScore: number | null;
  @ApiProperty() issuedAt: string;
  @ApiProperty({ nullable: true, type: String }) validUntil: string | null;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: RevocationView }) revocation: RevocationView | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Admins only: the note recorded with the revocation (audit trail)' }) revocationNote?: string | null;
  @ApiProperty({ nullable: true, enum: ['pending', 'kept', 'revoked'] }) reviewStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewDetail: string | null;
  @ApiProperty() verificationCode: string;
  @ApiProperty() verificationUrl: string;
  @ApiProperty() credentialUrl: string;
  @ApiProperty() pdfUrl: string;
  @ApiProperty({ type: ShareLinksView }) share: ShareLinksView;

  static of(c: Certificate, p: CertificatePresentation, adminNote?: string | null): CertificateView {
    return {
      id: c.id,
      traineeId: c.traineeId,
      holderName: c.holderName,
      cohortId: c.cohortId,
      courseVersionId: c.courseVersionId,
      courseTitle: c.courseTitle,
      courseCode: c.courseCode,
      track: c.trackCode,
      trackName: p.trackName,
      skills: c.skillCodes,
      skillDetails: p.skills,
      courseScore: c.courseScore,
      issuedAt: c.issuedAt.toISOString(),
      validUntil: c.validUntil?.toISOString() ?? null,
      status: p.status,
      statusLabel: p.statusLabel,
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revocation: p.revocation,
      ...(adminNote !== undefined ? { revocationNote: adminNote } : {}),
      reviewStatus: c.reviewStatus,
      reviewDetail: c.reviewDetail,
      verificationCode: c.verificationCode,
      verificationUrl: p.share.verificationUrl,
      credentialUrl: `/api/v1/certificates/${c.id}/credential`,
      pdfUrl: `/api/v1/certificates/${c.id}/pdf`,
      share: p.share,
    };
  }
}

/** A row of a cohort's certificate list; reviewers get no names, trainee ids or codes. */
export class CohortCertificateRowView {
  @ApiProperty({ format: 'uuid' }) certificateId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Admins only' }) traineeId?: string;
  @ApiPropertyOptional({ description: 'Admins only' }) holderName?: string;
  @ApiPropertyOptional({ description: 'Admins only' }) verificationCode?: string;
  @ApiProperty() courseCode: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() track: string;
  @ApiProperty({ type: Number, nullable: true }) courseScore: number | null;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status: 'valid' | 'revoked';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, enum: ['pending', 'kept', 'revoked'], nullable: true }) reviewStatus: string | null;
}

export class RevokeCertificateDto {
  @ApiProperty({ enum: REVOCATION_REASON_CODES, description: 'Published on the revocation list and the verification page' })
  @IsIn(REVOCATION_REASON_CODES)
  reasonCode: RevocationReasonCode;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Admin note: kept only in the audit trail, never published' })
  @IsOptional() @IsString() @Length(1, 1000) @Matches(/\S/, { message: 'note must not be blank' })
  note?: string;
}

export class ResolveReviewDto {
  @ApiProperty({ enum: ['keep', 'revoke'] }) @IsIn(['keep', 'revoke'])
  decision: 'keep' | 'revoke';

  @ApiPropertyOptional({ enum: REVOCATION_REASON_CODES, description: 'Only with decision revoke (default criteria-no-longer-met)' })
  @ValidateIf((o: ResolveReviewDto) => o.reasonCode !== undefined)
  @IsIn(REVOCATION_REASON_CODES)
  reasonCode?: RevocationReasonCode;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Admin note: kept only in the audit trail' })
  @IsOptional() @IsString() @Length(1, 1000) @Matches(/\S/, { message: 'note must not be blank' })
  note?: string;
}

export class CredentialQuery {
  @ApiPropertyOptional({ description: 'The verification code: lets anyone holding it fetch the credential' })
  @IsOptional() @IsString() @MaxLength(64)
  code?: string;

  @ApiPropertyOptional({ enum: ['json', 'jwt'], description: 'jwt: the bare VC-JWT as a file download (same as Accept: application/vc+jwt)' })
  @IsOptional() @IsIn(['json', 'jwt'])
  format?: 'json' | 'jwt';
}

export class CredentialImageQuery {
  @ApiPropertyOptional({ description: 'The verification code: lets anyone holding it fetch the baked image' })
  @IsOptional() @IsString() @MaxLength(64)
  code?: string;
}

export class CohortCertificatesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class UpdateCriteriaDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  requireAllModules?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  requireRequiredAssessments?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @IsDecimal(2) @Min(0) @Max(100)
  minCourseScore?: number;

  @ApiPropertyOptional({ nullable: true, maxLength: 2000, description: 'Criteria narrative shown in the credential; null restores the generated one' })
  @IsOptional() @IsString() @Length(1, 2000)
  narrative?: string | null;
}

export class CriteriaView {
  @ApiProperty() courseVersionId: string;
  @ApiProperty() requireAllModules: boolean;
  @ApiProperty() requireRequiredAssessments: boolean;
  @ApiProperty() minCourseScore: number;
  @ApiProperty() narrative: string;
  @ApiProperty() customised: boolean;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

/** Larger presented credentials are refused (400): ours are a few kilobytes. */
export const MAX_PRESENTED_CREDENTIAL_LENGTH = 65536;

export class PresentedCredentialDto {
  @ApiProperty({ description: 'The credential as a compact VC-JWT', maxLength: MAX_PRESENTED_CREDENTIAL_LENGTH })
  @IsString() @Length(1, MAX_PRESENTED_CREDENTIAL_LENGTH)
  credential: string;
}
