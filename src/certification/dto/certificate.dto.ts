import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery, IsDecimal } from '@gds/http';
import { Certificate } from '../certificate.entity';

export class CertificateView {
  @ApiProperty() id: string;
  @ApiProperty() traineeId: string;
  @ApiProperty() holderName: string;
  @ApiProperty() cohortId: string;
  @ApiProperty() courseVersionId: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() courseCode: string;
  @ApiProperty() track: string;
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty({ nullable: true, type: Number }) courseScore: number | null;
  @ApiProperty() issuedAt: string;
  @ApiProperty({ nullable: true, type: String }) validUntil: string | null;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status: 'valid' | 'revoked';
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revocationReason: string | null;
  @ApiProperty({ nullable: true, enum: ['pending', 'kept', 'revoked'] }) reviewStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewDetail: string | null;
  @ApiProperty() verificationCode: string;
  @ApiProperty() verificationUrl: string;
  @ApiProperty() credentialUrl: string;
  @ApiProperty() pdfUrl: string;

  static of(c: Certificate, publicBaseUrl: string): CertificateView {
    return {
      id: c.id,
      traineeId: c.traineeId,
      holderName: c.holderName,
      cohortId: c.cohortId,
      courseVersionId: c.courseVersionId,
      courseTitle: c.courseTitle,
      courseCode: c.courseCode,
      track: c.trackCode,
      skills: c.skillCodes,
      courseScore: c.courseScore,
      issuedAt: c.issuedAt.toISOString(),
      validUntil: c.validUntil?.toISOString() ?? null,
      status: c.revokedAt ? 'revoked' : 'valid',
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revocationReason: c.revocationReason,
      reviewStatus: c.reviewStatus,
      reviewDetail: c.reviewDetail,
      verificationCode: c.verificationCode,
      verificationUrl: `${publicBaseUrl}/verify/${c.verificationCode}`,
      credentialUrl: `/api/v1/certificates/${c.id}/credential`,
      pdfUrl: `/api/v1/certificates/${c.id}/pdf`,
    };
  }
}

export class RevokeCertificateDto {
  @ApiProperty({ minLength: 3, maxLength: 1000 }) @IsString() @Length(3, 1000) @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

export class ResolveReviewDto {
  @ApiProperty({ enum: ['keep', 'revoke'] }) @IsIn(['keep', 'revoke'])
  decision: 'keep' | 'revoke';

  @ApiPropertyOptional({ description: 'Required to revoke; a note when keeping', maxLength: 1000 })
  @ValidateIf((o: ResolveReviewDto) => o.decision === 'revoke' || o.reason !== undefined)
  @IsString() @Length(3, 1000)
  reason?: string;
}

export class CredentialQuery {
  @ApiPropertyOptional({ description: 'The verification code: lets anyone holding it fetch the credential' })
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

export class PresentedCredentialDto {
  @ApiProperty({ description: 'The credential as a compact VC-JWT', maxLength: 20000 })
  @IsString() @Length(5, 20000)
  credential: string;
}
