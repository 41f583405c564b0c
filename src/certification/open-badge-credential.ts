import { createHash, randomBytes } from 'node:crypto';

/** Everything the credential says, gathered by the issuer from the certificate and its course. */
export interface CredentialFacts {
  certificateId: string;
  email: string;
  holderName: string;
  courseVersionId: string;
  courseTitle: string;
  courseCode: string;
  trackCode: string;
  skillCodes: string[];
  criteriaNarrative: string;
  issuedAt: Date;
  validUntil: Date | null;
}

export interface IssuerFacts {
  name: string;
  /** The issuer's web site. */
  url: string;
  /** Base URL of this service (JWKS, revocation list, verification pages). */
  publicBaseUrl: string;
}

export const OB3_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
export const REVOCATION_LIST_ID = 'certificates';

export const revocationListUrl = (publicBaseUrl: string) => `${publicBaseUrl}/api/v1/revocation-lists/${REVOCATION_LIST_ID}`;
export const issuerId = (publicBaseUrl: string) => `${publicBaseUrl}/api/v1/issuers/gds-academy`;
export const credentialUrn = (certificateId: string) => `urn:uuid:${certificateId}`;

/**
 * The spec's IdentityObject: "sha256$" + hex sha256 of the identifier concatenated with the salt,
 * so a verifier who knows the email can check it while the credential does not reveal it.
 */
export function hashedEmailIdentity(email: string, salt = randomBytes(16).toString('hex')) {
  const identityHash = `sha256$${createHash('sha256').update(email.trim().toLowerCase() + salt).digest('hex')}`;
  return { type: 'IdentityObject', identityHash, identityType: 'emailAddress', hashed: true, salt };
}

/** An OpenBadgeCredential (1EdTech Open Badges 3.0, W3C VC data model 2.0), unsigned. */
export function buildOpenBadgeCredential(facts: CredentialFacts, issuer: IssuerFacts) {
  const base = issuer.publicBaseUrl;
  return {
    '@context': OB3_CONTEXT,
    id: credentialUrn(facts.certificateId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${facts.courseTitle} certificate`,
    issuer: { id: issuerId(base), type: ['Profile'], name: issuer.name, url: issuer.url },
    validFrom: facts.issuedAt.toISOString(),
    ...(facts.validUntil ? { validUntil: facts.validUntil.toISOString() } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [hashedEmailIdentity(facts.email)],
      achievement: {
        id: `${base}/api/v1/achievements/${facts.courseVersionId}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: facts.courseTitle,
        description: `Completion of ${facts.courseTitle} (${facts.courseCode}), track ${facts.trackCode}.`,
        criteria: { narrative: facts.criteriaNarrative },
        alignment: facts.skillCodes.map((code) => ({
          type: ['Alignment'],
          targetName: code,
          targetCode: code,
          targetFramework: 'GDS Academy competency framework',
          targetType: 'ceasn:Competency',
          targetUrl: `${base}/api/v1/skills/${encodeURIComponent(code)}`,
        })),
      },
    },
    credentialStatus: { id: revocationListUrl(base), type: '1EdTechRevocationList' },
  };
}

export type OpenBadgeCredential = ReturnType<typeof buildOpenBadgeCredential>;
