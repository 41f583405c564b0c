/** A compact JWS taken apart without trusting it: header and payload as plain objects, or null. */
export interface PresentedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

const SEGMENT = /^[A-Za-z0-9_-]*$/;

export function parseCompactJwt(token: string): PresentedJwt | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p)) || !parts[0] || !parts[1]) return null;
  const header = jsonObject(parts[0]);
  const payload = jsonObject(parts[1]);
  return header && payload ? { header, payload } : null;
}

function jsonObject(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The credential inside a VC-JWT payload: the payload itself (VC data model 2.0, what we sign now),
 * or its `vc` claim (VC data model 1.1 style, what this service signed before OB 3.0 conformance).
 */
export function credentialOf(payload: Record<string, unknown>): Record<string, unknown> {
  const vc = payload.vc;
  return vc !== null && typeof vc === 'object' && !Array.isArray(vc) ? (vc as Record<string, unknown>) : payload;
}

export const isLegacyPayload = (payload: Record<string, unknown>) => typeof payload.vc === 'object' && payload.vc !== null;

/** `issuer.id` of a credential, whether the issuer is an object or a bare IRI. */
export function issuerIdOf(credential: Record<string, unknown>): string | null {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (issuer && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') return (issuer as { id: string }).id;
  return null;
}

export function subjectIdOf(credential: Record<string, unknown>): string | null {
  const subject = credential.credentialSubject;
  return subject && typeof subject === 'object' && typeof (subject as { id?: unknown }).id === 'string' ? (subject as { id: string }).id : null;
}
