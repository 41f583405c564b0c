import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import * as jsonld from 'jsonld';

/** The vendored contexts (test/support/contexts/README.md): the only documents the loader serves. */
const CONTEXTS: Record<string, string> = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-v3p0-extensions.json',
};
const ISSUER_DEPENDENT = 'https://www.w3.org/ns/credentials/issuer-dependent#';

const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

function loaderFor(options: { liftOb3TopLevelProtection: boolean }) {
  return async (url: string) => {
    const file = CONTEXTS[url];
    if (!file) throw new Error(`No vendored copy of ${url}: the test loader never fetches from the network`);
    const document = JSON.parse(readFileSync(join(__dirname, 'contexts', file), 'utf8'));
    // Upstream defect (see contexts/README.md): the OB 3.0.3 context protects its top-level `image`
    // and then redefines `image` in the type-scoped contexts of Profile and AchievementSubject, which a
    // JSON-LD 1.1 processor refuses for every credential. Only the top-level @protected is lifted;
    // every term and every scoped context stays as published.
    if (options.liftOb3TopLevelProtection && url === OB3_CONTEXT) delete document['@context']['@protected'];
    return { contextUrl: null, documentUrl: url, document };
  };
}

/** Expands with the contexts exactly as published (to pin the upstream defect). */
export async function expandAsPublished(document: object): Promise<unknown> {
  return (jsonld as unknown as { expand: (d: object, o: object) => Promise<unknown> }).expand(document, { documentLoader: loaderFor({ liftOb3TopLevelProtection: false }), safe: true });
}

const documentLoader = loaderFor({ liftOb3TopLevelProtection: true });

/**
 * Expands a JSON-LD document with undefined terms forbidden: jsonld.js safe mode fails on anything
 * it would drop, and the VC 2.0 context's @vocab would silently map the rest into its
 * issuer-dependent namespace, so any expanded IRI there fails too. Answers the undefined terms.
 */
export async function undefinedTerms(document: object): Promise<string[]> {
  const expanded = await (jsonld as unknown as { expand: (d: object, o: object) => Promise<unknown> }).expand(document, { documentLoader, safe: true });
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith(ISSUER_DEPENDENT)) found.add(key.slice(ISSUER_DEPENDENT.length));
      if (key === '@type') [value].flat().forEach((t) => typeof t === 'string' && t.startsWith(ISSUER_DEPENDENT) && found.add(t.slice(ISSUER_DEPENDENT.length)));
      walk(value);
    }
  };
  walk(expanded);
  return [...found];
}

let validator: ReturnType<Ajv2019['compile']> | undefined;

/** Errors of the credential against 1EdTech's OB 3.0 JSON Schema (vendored; draft 2019-09). */
export function schemaErrors(credential: object): string[] {
  if (!validator) {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(join(__dirname, 'schemas', 'ob-v3p0-achievementcredential-schema.json'), 'utf8')));
  }
  return validator(credential) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
