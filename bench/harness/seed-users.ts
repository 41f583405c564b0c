import { hash, Algorithm } from '@node-rs/argon2';
import { BenchDatabase } from './bench-database';

export const SEEDED_PASSWORD = 'bench-trainee-password-1';

const DISTRICTS = ['Quezon City', 'Makati', 'Pasig', 'Taguig', 'Cebu City', 'Davao City', 'Iloilo City', 'Bacolod', 'Manila', 'Mandaluyong'];
const EMPLOYERS = ['Concentrix', 'Teleperformance', 'TaskUs', 'Alorica', 'Accenture', 'TTEC', 'Foundever', 'Startek'];
const GENDERS = ['female', 'male', 'non_binary', 'prefer_not_to_say'];

/**
 * Inserts `count` trainees straight into the identity table (one argon2id hash shared by all: hashing
 * a thousand passwords would take longer than the measurement). Prints progress; answers the emails.
 */
export async function seedTrainees(db: BenchDatabase, count: number, log: (line: string) => void): Promise<string[]> {
  const passwordHash = await hash(SEEDED_PASSWORD, { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const emails: string[] = [];
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, i) => start + i);
    const values: unknown[] = [];
    const tuples = rows.map((n, i) => {
      const email = `trainee-${n}@bench.test`;
      emails.push(email);
      values.push(email, `Trainee ${n}`, passwordHash, GENDERS[n % GENDERS.length], 1975 + (n % 30), DISTRICTS[n % DISTRICTS.length], EMPLOYERS[n % EMPLOYERS.length]);
      const o = i * 7;
      return `($${o + 1}, $${o + 2}, $${o + 3}, ARRAY['trainee'], $${o + 4}, $${o + 5}, $${o + 6}, $${o + 7})`;
    });
    await db.query(
      `INSERT INTO app_user (email, display_name, password_hash, roles, gender, birth_year, district, employer) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`,
      values,
    );
    log(`  seeded ${Math.min(start + batch, count)}/${count} trainees`);
  }
  return emails;
}

/** Signs in through the real API and answers the access tokens. */
export async function signIn(baseUrl: string, emails: string[], password: string): Promise<string[]> {
  const tokens: string[] = [];
  for (const email of emails) {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${await response.text()}`);
    tokens.push(((await response.json()) as { accessToken: string }).accessToken);
  }
  return tokens;
}
