/** What LinkedIn's "Add to profile" form needs of a certification. */
export interface LinkedInCertification {
  name: string;
  organizationName: string;
  issuedAt: Date;
  validUntil: Date | null;
  certId: string;
  certUrl: string;
}

/**
 * LinkedIn's documented add-certification link (Add to Profile for Certifications): it opens the
 * member's "Add license or certification" form filled in with these values; nothing is sent to
 * LinkedIn until the member saves it.
 */
export function linkedInAddToProfileUrl(c: LinkedInCertification): string {
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: c.name,
    organizationName: c.organizationName,
    issueYear: String(c.issuedAt.getUTCFullYear()),
    issueMonth: String(c.issuedAt.getUTCMonth() + 1),
    ...(c.validUntil
      ? { expirationYear: String(c.validUntil.getUTCFullYear()), expirationMonth: String(c.validUntil.getUTCMonth() + 1) }
      : {}),
    certUrl: c.certUrl,
    certId: c.certId,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}
