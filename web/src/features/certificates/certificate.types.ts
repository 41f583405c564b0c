// Interim shape until the certificate routes declare response schemas (then: aliases of schema.gen.ts).
export interface Certificate {
  id: string;
  holderName: string;
  courseTitle: string;
  courseCode: string;
  track: string;
  skills: string[];
  courseScore: number;
  issuedAt: string;
  validUntil: string | null;
  status: 'valid' | 'revoked' | string;
  revokedAt: string | null;
  revocationReason: string | null;
  verificationCode: string;
  verificationUrl: string;
}
