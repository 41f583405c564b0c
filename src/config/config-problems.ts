import type { AppConfig } from './app-config';
import { DEVELOPMENT_SECRETS } from './development-secrets';

/**
 * What no single setting's validator can see: settings that contradict each other, and the
 * development defaults production must refuse. One message per problem, listed with the others.
 */
export function configProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (sameDatabase(config.DATABASE_URL, config.SANDBOX_DATABASE_URL)) {
    problems.push('SANDBOX_DATABASE_URL: must name a different database than DATABASE_URL (trainees\' SQL runs there)');
  }
  if (config.PASSWORD_HASH_COST !== 'owasp' && config.NODE_ENV !== 'test') {
    problems.push('PASSWORD_HASH_COST: test-only-fast is accepted only with NODE_ENV=test');
  }
  if (!config.isProduction) return problems;
  for (const [name, secret] of Object.entries(DEVELOPMENT_SECRETS)) {
    if (config[name as keyof typeof DEVELOPMENT_SECRETS] === secret) problems.push(`${name}: the development secret is refused in production`);
  }
  if (!config.CERT_SIGNING_KEYS) problems.push('CERT_SIGNING_KEYS: certificate signing keys are required in production');
  if (!isPublicHttpsUrl(config.PUBLIC_BASE_URL)) {
    problems.push('PUBLIC_BASE_URL: production needs the absolute https URL the public reaches (it is signed into every credential), not localhost');
  }
  return problems;
}

/** https, and a host the public can reach (not localhost or a loopback address). */
function isPublicHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i.test(url.hostname);
  } catch {
    return false;
  }
}

function sameDatabase(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return x.hostname === y.hostname && (x.port || '5432') === (y.port || '5432') && x.pathname === y.pathname;
  } catch {
    return false;
  }
}
