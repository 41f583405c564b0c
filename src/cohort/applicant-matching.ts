/**
 * Finding one person behind several applications of a cohort (two accounts, one applicant). Each
 * key is normalised so that what a person types differently still matches: e-mail case, dots and
 * +tags of Gmail, accents, word order and punctuation of a name, spaces and the country code of a
 * phone number.
 */
export type DuplicateReason = 'email' | 'name' | 'phone';

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);
/** Belize's country code: +501 6xx-xxxx and 6xx-xxxx are the same number. */
const COUNTRY_CODE = '501';

/** Lower case, the +tag dropped; for Gmail the dots of the local part too (Gmail ignores them). */
export function normaliseEmail(email: string): string {
  const lowered = email.trim().toLowerCase();
  const at = lowered.lastIndexOf('@');
  if (at < 1) return lowered;
  let local = lowered.slice(0, at).split('+')[0];
  let domain = lowered.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}

/** Letters and digits only, without accents, words in alphabetical order ("Santos, María" = "maria santos"). */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.sort().join(' ');
}

/** The digits of a phone number without a leading 00/+ country code of Belize; null when too short to mean anything. */
export function normalisePhone(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.length > 7 && digits.startsWith(COUNTRY_CODE)) digits = digits.slice(COUNTRY_CODE.length);
  return digits.length >= 7 ? digits : null;
}

export interface Applicant {
  applicationId: string;
  traineeId: string;
  email: string | null;
  name: string | null;
  phoneDigits: string | null;
}

export interface DuplicateMatch {
  applicationId: string;
  traineeId: string;
  reasons: DuplicateReason[];
}

/**
 * For each application, the other applications (of other accounts) sharing a normalised e-mail,
 * name or phone, with the reasons. One pass per key: cohorts of thousands stay linear.
 */
export function findDuplicates(applicants: Applicant[]): Map<string, DuplicateMatch[]> {
  const keys: Array<[DuplicateReason, (a: Applicant) => string | null]> = [
    ['email', (a) => (a.email ? normaliseEmail(a.email) : null)],
    ['name', (a) => (a.name ? normaliseName(a.name) || null : null)],
    ['phone', (a) => a.phoneDigits],
  ];
  const found = new Map<string, Map<string, DuplicateMatch>>();
  for (const [reason, keyOf] of keys) {
    const groups = new Map<string, Applicant[]>();
    for (const a of applicants) {
      const key = keyOf(a);
      if (key) groups.set(key, [...(groups.get(key) ?? []), a]);
    }
    for (const group of groups.values()) {
      for (const a of group) {
        for (const other of group) {
          if (other.traineeId === a.traineeId) continue;
          const mine = found.get(a.applicationId) ?? new Map<string, DuplicateMatch>();
          found.set(a.applicationId, mine);
          const match = mine.get(other.applicationId) ?? { applicationId: other.applicationId, traineeId: other.traineeId, reasons: [] };
          match.reasons.push(reason);
          mine.set(other.applicationId, match);
        }
      }
    }
  }
  return new Map([...found].map(([id, matches]) => [id, [...matches.values()]]));
}
