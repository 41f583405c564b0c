/**
 * Every URL signed into a credential or printed on a certificate, in one place: each must answer
 * (test/credential-conformance.e2e-spec.ts fetches every URL of an issued credential).
 */
export const REVOCATION_LIST_ID = 'certificates';
export const ISSUER_SLUG = 'gds-academy';

export const issuerId = (base: string) => `${base}/api/v1/issuers/${ISSUER_SLUG}`;
export const achievementId = (base: string, courseVersionId: string) => `${base}/api/v1/achievements/${courseVersionId}`;
export const achievementImageUrl = (base: string, courseVersionId: string) => `${achievementId(base, courseVersionId)}/image`;
export const skillUrl = (base: string, code: string) => `${base}/api/v1/skills/${encodeURIComponent(code)}`;
export const revocationListUrl = (base: string) => `${base}/api/v1/revocation-lists/${REVOCATION_LIST_ID}`;
export const jwksUrl = (base: string) => `${base}/.well-known/jwks.json`;
/** The JOSE `kid` of a signing key: a URL that answers the public key as a JWK (OB 3.0 §8.2: verifiers dereference it). */
export const keyUrl = (base: string, keyId: string) => `${base}/.well-known/jwks/${encodeURIComponent(keyId)}`;
export const verificationUrl = (base: string, code: string) => `${base}/verify/${code}`;
export const credentialUrl = (base: string, certificateId: string) => `${base}/api/v1/certificates/${certificateId}/credential`;
export const credentialUrn = (certificateId: string) => `urn:uuid:${certificateId}`;
/** The official JSON Schema of OB 3.0 credentials, named in `credentialSchema`. */
export const OB3_CREDENTIAL_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
