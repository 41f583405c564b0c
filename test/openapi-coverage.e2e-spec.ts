import { startTestApp, TestApp } from './support/test-app';
import { fetchOpenApi, OpenApiDocument } from './support/openapi';
import { previewOpenApiDocument } from '../src/cli/openapi-document';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const PROBLEM_REF = '#/components/schemas/ProblemView';

interface Offence {
  operation: string;
  missing: string;
}

const isNamed = (schema: Json | undefined) =>
  !!schema && (typeof schema.$ref === 'string' || (schema.type === 'array' && typeof schema.items?.$ref === 'string'));

/** What an operation's declaration lacks, by the rules of API.md's Conventions. */
function offencesOf(name: string, operation: Json): Offence[] {
  const offences: Offence[] = [];
  const responses: Json = operation.responses ?? {};
  const add = (missing: string) => offences.push({ operation: name, missing });
  const successes = Object.entries(responses).filter(([status]) => /^2/.test(status));
  const declaredSuccess = successes.filter(([status, response]) => status === '204' || Object.values(response.content ?? {}).some((media: any) => media.schema));
  if (declaredSuccess.length === 0) add('a 2xx response with a schema (or a 204)');
  for (const [status, response] of successes) {
    const json = response.content?.['application/json']?.schema;
    if (json && !isNamed(json)) add(`${status}: a named component schema for application/json (found an inline schema)`);
  }
  const problems = Object.entries(responses).filter(([status]) => /^[45]/.test(status));
  if (problems.length === 0) add('problem responses (@ApiProblems)');
  for (const [status, response] of problems) {
    const content = response.content ?? {};
    // Another media type may ride along (a browser's HTML error page), never instead of the problem.
    if (content['application/problem+json']?.schema?.$ref !== PROBLEM_REF || content['application/json']) {
      add(`${status}: application/problem+json with the shared ProblemView`);
    }
  }
  const parameters: Json[] = operation.parameters ?? [];
  if (operation.security?.some((s: Json) => 'bearer' in s) && !responses['401']) add('401 (it needs a bearer token)');
  if (parameters.some((p) => p.in === 'path') && !responses['404']) add('404 (it has path parameters)');
  if ((operation.requestBody || parameters.some((p) => p.in === 'query')) && !responses['400']) add('400 (it takes a body or query parameters)');
  return offences;
}

function undeclared(document: OpenApiDocument): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .flatMap(([method, operation]) => offencesOf(`${method.toUpperCase()} ${path} (${operation.operationId})`, operation)),
    )
    .map((o) => `${o.operation} lacks ${o.missing}`);
}

describe('the OpenAPI document declares every answer', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    document = await fetchOpenApi(t.api);
  });
  afterAll(() => t.close());

  it('has the shared problem schema and named page schemas', () => {
    const schemas = document.components?.schemas ?? {};
    expect(schemas.ProblemView).toMatchObject({ required: expect.arrayContaining(['type', 'title', 'status']) });
    const pages = Object.entries(schemas).filter(([name]) => /PageView$/.test(name));
    expect(pages.length).toBeGreaterThan(0);
    for (const [name, schema] of pages) {
      expect({ name, required: schema.required }).toEqual({ name, required: expect.arrayContaining(['items', 'nextCursor']) });
      expect({ name, items: schema.properties.items.type }).toEqual({ name, items: 'array' });
    }
  });

  it('every operation declares its success schema and its problem+json errors', () => {
    expect(undeclared(document)).toEqual([]);
  });

  it('is the document npm run api:types builds without Postgres or Redis', async () => {
    expect(JSON.parse(JSON.stringify(await previewOpenApiDocument()))).toEqual(document);
  });

  it('the checker finds an operation that declares nothing', () => {
    const bare = { paths: { '/api/v1/things/{id}': { get: { operationId: 'Things_get', parameters: [{ in: 'path', name: 'id' }], security: [{ bearer: [] }], responses: { '200': { description: '' } } } } } };
    expect(undeclared(bare)).toEqual([
      'GET /api/v1/things/{id} (Things_get) lacks a 2xx response with a schema (or a 204)',
      'GET /api/v1/things/{id} (Things_get) lacks problem responses (@ApiProblems)',
      'GET /api/v1/things/{id} (Things_get) lacks 401 (it needs a bearer token)',
      'GET /api/v1/things/{id} (Things_get) lacks 404 (it has path parameters)',
    ]);
  });
});
