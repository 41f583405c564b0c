import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CERTIFICATE_STATUSES, CertificateStatus } from '../certificate-status';
import { CHECK_REASONS, CheckReason } from '../credential-check.service';
import { REVOCATION_REASON_CODES, RevocationReasonCode } from '../revocation-reasons';
import { RevocationView, ShareLinksView } from './certificate.dto';

export class CredentialCheckView {
  @ApiProperty() valid: boolean;
  @ApiProperty({ nullable: true, enum: CHECK_REASONS, description: 'Why not, when not valid' }) reason: CheckReason | null;
  @ApiProperty({ nullable: true, type: String }) certificateId: string | null;
  @ApiProperty({ nullable: true, type: String }) verificationUrl: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'URL of the key that verified the signature' }) keyUrl: string | null;
  @ApiProperty({ nullable: true, enum: REVOCATION_REASON_CODES }) revocationReasonCode: RevocationReasonCode | null;
  @ApiProperty() checkedAt: string;
}

export class VerifiedSkillView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The skill\'s public page (HTML or JSON)' }) url: string;
}

export class VerifiedTrackView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class VerifiedAchievementView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: VerifiedTrackView }) track: VerifiedTrackView;
  @ApiProperty({ type: [VerifiedSkillView] }) skills: VerifiedSkillView[];
  @ApiProperty({ description: 'The criteria the holder met, as signed into the credential' }) criteria: string;
  @ApiProperty() imageUrl: string;
}

export class VerifiedIssuerView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() url: string;
}

export class VerifiedHolderView {
  @ApiProperty() name: string;
}

export class SignatureCheckView {
  @ApiProperty({ description: 'The stored credential\'s signature verified with the issuer\'s published key just now' }) verified: boolean;
  @ApiProperty() format: string;
  @ApiProperty() algorithm: string;
  @ApiProperty({ nullable: true, type: String }) keyUrl: string | null;
  @ApiProperty() checkedAt: string;
  @ApiProperty({ description: 'How the signature and status were checked, in words' }) method: string;
}

export class VerificationView {
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty() valid: boolean;
  @ApiProperty() certificateId: string;
  @ApiProperty({ type: VerifiedHolderView }) holder: VerifiedHolderView;
  @ApiProperty({ type: VerifiedAchievementView }) achievement: VerifiedAchievementView;
  @ApiProperty({ type: VerifiedIssuerView }) issuer: VerifiedIssuerView;
  @ApiProperty() issuedAt: string;
  @ApiProperty({ nullable: true, type: String }) validUntil: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: RevocationView }) revocation: RevocationView | null;
  @ApiProperty({ type: SignatureCheckView }) signature: SignatureCheckView;
  @ApiProperty() credentialUrl: string;
  @ApiProperty() jwksUrl: string;
  @ApiProperty() revocationListUrl: string;
  @ApiProperty({ type: ShareLinksView }) share: ShareLinksView;
}

export class RevokedCredentialView {
  @ApiProperty({ description: 'The credential id (urn:uuid)' }) id: string;
  @ApiProperty() revoked: boolean;
  @ApiProperty({ enum: REVOCATION_REASON_CODES, description: 'A reason code, never free text' }) revocationReason: RevocationReasonCode;
}

export class RevocationListDocument {
  @ApiProperty() id: string;
  @ApiProperty() issuer: string;
  @ApiProperty({ type: [RevokedCredentialView] }) revokedCredentials: RevokedCredentialView[];
}

export class JwkDocument {
  @ApiProperty({ enum: ['RSA'] }) kty: string;
  @ApiProperty() n: string;
  @ApiProperty() e: string;
  @ApiProperty() alg: string;
  @ApiProperty() use: string;
  @ApiProperty() kid: string;
}

export class JwksDocument {
  @ApiProperty({ type: [JwkDocument] }) keys: JwkDocument[];
}

export class CredentialEnvelope {
  @ApiProperty() certificateId: string;
  @ApiProperty({ enum: ['vc+jwt'] }) format: string;
  @ApiProperty({ description: 'The signing key\'s id (last segment of its key URL)' }) kid: string;
  @ApiProperty({ description: 'The signing key\'s URL: the JWT header\'s kid' }) keyUrl: string;
  @ApiProperty({ description: 'The compact VC-JWT' }) jwt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The OpenBadgeCredential (the JWT payload without its registered claims)' })
  credential: Record<string, unknown>;
  @ApiProperty() jwksUrl: string;
}

export class IssuerProfileDocument {
  @ApiProperty({ type: [String] }) '@context': string[];
  @ApiProperty() id: string;
  @ApiProperty({ type: [String] }) type: string[];
  @ApiProperty() name: string;
  @ApiProperty() url: string;
  @ApiProperty() description: string;
}

export class AchievementDocument {
  @ApiProperty({ type: [String] }) '@context': string[];
  @ApiProperty() id: string;
  @ApiProperty({ type: [String] }) type: string[];
  @ApiProperty() achievementType: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) criteria: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) image: Record<string, unknown>;
  @ApiProperty() humanCode: string;
  @ApiProperty() fieldOfStudy: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) alignment: Array<Record<string, unknown>>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The issuer Profile' }) creator?: Record<string, unknown>;
}
