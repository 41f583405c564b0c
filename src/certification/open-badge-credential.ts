import { createHash, randomBytes } from 'node:crypto';
import {
  achievementId,
  achievementImageUrl,
  credentialUrn,
  issuerId,
  OB3_CREDENTIAL_SCHEMA,
  revocationListUrl,
  skillUrl,
} from './credential-urls';

export interface SkillFact {
  code: string;
  name: string;
  description: string;
}

/** What an Achievement (one per course version) says; shared by credentials and the public Achievement document. */
export interface AchievementFacts {
  courseVersionId: string;
  courseTitle: string;
  courseCode: string;
  trackName: string;
  skills: SkillFact[];
  criteriaNarrative: string;
}

/** Everything the credential says, gathered by the issuer from the certificate and its course. */
export interface CredentialFacts extends AchievementFacts {
  certificateId: string;
  /** The credential subject's id (a random UUID per certificate, so credentials do not link a person across issuers). */
  subjectId: string;
  email: string;
  issuedAt: Date;
  validUntil: Date | null;
}

export interface IssuerFacts {
  name: string;
  /** The issuer's web site. */
  url: string;
  description: string;
  /** Base URL of this service (documents, keys, revocation list, verification pages). */
  publicBaseUrl: string;
}

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Defines 1EdTechRevocationList and 1EdTechJsonSchemaValidator2019 (the OB 3.0 examples add it for the same reason). */
export const OB3_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
export const CREDENTIAL_CONTEXTS = [VC_CONTEXT_V2, OB3_CONTEXT, OB3_EXTENSIONS_CONTEXT];
export const COMPETENCY_FRAMEWORK = 'GDS Academy competency framework';

/** VC data model date-times in whole seconds, so that the JWT's NumericDate claims equal them exactly. */
export const toCredentialDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
export const wholeSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

/**
 * The spec's IdentityObject: "sha256$" + hex sha256 of the identifier concatenated with the salt,
 * so a verifier who knows the email can check it while the credential does not reveal it.
 */
export function hashedEmailIdentity(email: string, salt = randomBytes(16).toString('hex')) {
  const identityHash = `sha256$${createHash('sha256').update(email.trim().toLowerCase() + salt).digest('hex')}`;
  return { type: 'IdentityObject', identityHash, identityType: 'emailAddress', hashed: true, salt };
}

/** The issuer's OB 3.0 Profile, as signed into credentials and served at its id. */
export function issuerProfile(issuer: IssuerFacts) {
  return { id: issuerId(issuer.publicBaseUrl), type: ['Profile'], name: issuer.name, url: issuer.url, description: issuer.description };
}

/** The OB 3.0 Achievement of a course version, as signed into credentials and served at its id. */
export function buildAchievement(facts: AchievementFacts, base: string) {
  return {
    id: achievementId(base, facts.courseVersionId),
    type: ['Achievement'],
    achievementType: 'Certificate',
    name: facts.courseTitle,
    description: `Completion of ${facts.courseTitle} (${facts.courseCode}), a course of the ${facts.trackName} track.`,
    criteria: { narrative: facts.criteriaNarrative },
    image: { id: achievementImageUrl(base, facts.courseVersionId), type: 'Image', caption: `${facts.courseTitle} badge` },
    humanCode: facts.courseCode,
    fieldOfStudy: facts.trackName,
    alignment: facts.skills.map((skill) => ({
      type: ['Alignment'],
      targetName: skill.name,
      targetCode: skill.code,
      targetDescription: skill.description,
      targetFramework: COMPETENCY_FRAMEWORK,
      targetType: 'ceasn:Competency',
      targetUrl: skillUrl(base, skill.code),
    })),
  };
}

/** An OpenBadgeCredential (1EdTech Open Badges 3.0, W3C VC data model 2.0), unsigned. */
export function buildOpenBadgeCredential(facts: CredentialFacts, issuer: IssuerFacts) {
  const base = issuer.publicBaseUrl;
  return {
    '@context': CREDENTIAL_CONTEXTS,
    id: credentialUrn(facts.certificateId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${facts.courseTitle} certificate`,
    description: `${issuer.name} certifies that the holder completed ${facts.courseTitle} (${facts.courseCode}).`,
    issuer: issuerProfile(issuer),
    validFrom: toCredentialDate(facts.issuedAt),
    ...(facts.validUntil ? { validUntil: toCredentialDate(facts.validUntil) } : {}),
    credentialSubject: {
      id: `urn:uuid:${facts.subjectId}`,
      type: ['AchievementSubject'],
      identifier: [hashedEmailIdentity(facts.email)],
      achievement: buildAchievement(facts, base),
    },
    credentialStatus: { id: revocationListUrl(base), type: '1EdTechRevocationList' },
    credentialSchema: [{ id: OB3_CREDENTIAL_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
  };
}

export type OpenBadgeCredential = ReturnType<typeof buildOpenBadgeCredential>;
