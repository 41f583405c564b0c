import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { TEST_RUN_DIR_VARIABLE } from './spawned-processes';

type Json = Record<string, any>;

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** Static segments outrank parameters: `/me/enrollments` before `/me/{id}`. */
  parameters: number;
  responses: Json;
}

const JSON_MEDIA = /^application\/(problem\+)?json\b/i;

/**
 * OpenAPI 3.0's `nullable` as JSON Schema: ajv only honours it next to a `type`, and not with an
 * `enum` that lacks null or an `allOf` reference, which is how @nestjs/swagger writes it.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Json;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, toJsonSchema(value)]));
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

async function fetchDocument(baseUrl: string): Promise<string> {
  const answer = await fetch(`${baseUrl}/docs-json`);
  if (answer.status !== 200) throw new Error(`contract check: /docs-json answered ${answer.status}`);
  return answer.text();
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks answers against the OpenAPI document the app serves: the operation (method and path
 * template) must declare the answer's status, and a JSON body must match that status's schema.
 * Built once per app; each schema is compiled on first use.
 */
export class OpenApiContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  private readonly operations: Operation[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: Json) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(toJsonSchema(document) as Json, 'openapi');
    this.operations = Object.entries(document.paths ?? {})
      .flatMap(([template, item]) =>
        Object.entries(item as Json)
          .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
          .map(([method, operation]) => ({
            method: method.toUpperCase(),
            template,
            pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\}/g, '[^/]+')}$`),
            parameters: (template.match(/\{/g) ?? []).length,
            responses: (operation as Json).responses ?? {},
          })),
      )
      .sort((a, b) => a.parameters - b.parameters);
  }

  static async fetch(baseUrl: string): Promise<OpenApiContract> {
    return new OpenApiContract(JSON.parse(await fetchDocument(baseUrl)) as Json);
  }

  /**
   * The contract of this jest run: fetched from the first app a test file asks, then read from the
   * run directory. Every HTTP app of one code base serves the same document (the routes depend only
   * on the process role; test/openapi-coverage.e2e-spec.ts checks the served document against the
   * one `npm run api:types` builds), and building it costs an app about a second of CPU, which each
   * of ~70 test files would otherwise pay. Outside a jest run (no run directory) it fetches.
   */
  static async forRun(baseUrl: string): Promise<OpenApiContract> {
    const runDir = process.env[TEST_RUN_DIR_VARIABLE];
    if (!runDir) return OpenApiContract.fetch(baseUrl);
    const file = path.join(runDir, 'openapi-contract.json');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = await fetchDocument(baseUrl);
      // Written whole under another name, then renamed: a sibling worker never reads half of it.
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, text);
      renameSync(partial, file);
    }
    return new OpenApiContract(JSON.parse(text) as Json);
  }

  /** Undefined when the answer keeps the contract (or names no documented operation); else why not. */
  violation(method: string, url: string, status: number, contentType: string, body: unknown): string | undefined {
    if (method === 'HEAD' || method === 'OPTIONS') return undefined;
    let path: string;
    try {
      path = decodeURI(url.split('?')[0]);
    } catch {
      return undefined; // a malformed URL names no operation
    }
    const operation = this.operations.find((op) => op.method === method && op.pattern.test(path));
    if (!operation) return undefined;
    const name = `${method} ${operation.template}`;
    if (status === 304) return undefined;
    const declared = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`] ?? operation.responses.default;
    if (!declared) return `${name} answered ${status}, which the document does not declare (declared: ${Object.keys(operation.responses).join(', ')})`;
    const media = contentType.split(';')[0].trim().toLowerCase();
    if (!JSON_MEDIA.test(media)) return undefined;
    const content = declared.content ?? {};
    if (!content[media]?.schema) return `${name} answered ${status} as ${media}, which the document does not declare for it (declared: ${Object.keys(content).join(', ') || 'no body'})`;
    const statusKey = operation.responses[String(status)] ? String(status) : Object.keys(operation.responses).find((key) => operation.responses[key] === declared)!;
    const pointer = ['paths', operation.template, method.toLowerCase(), 'responses', statusKey, 'content', media, 'schema'].map(escapePointer).join('/');
    const validate = this.validatorFor(pointer);
    if (validate(body)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : ''}`);
    return `${name} answered ${status} with a body that does not match its declared schema:\n  ${errors.join('\n  ')}`;
  }

  private validatorFor(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.getSchema(`openapi#/${pointer}`);
      if (!validate) throw new Error(`contract check: no schema at ${pointer}`);
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}
