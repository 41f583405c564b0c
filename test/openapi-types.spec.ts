import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { previewOpenApiDocument, serializeOpenApi } from '../src/cli/openapi-document';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { openapiTypescriptCli } = require('../scripts/api-types.js') as { openapiTypescriptCli: () => string };

const root = resolve(__dirname, '..');
const COMMITTED_DOCUMENT = join(root, 'openapi/openapi.json');
const COMMITTED_TYPES = join(root, 'web/src/shared/api/schema.gen.ts');

/** Where a committed file first differs from a fresh generation (undefined when equal): a short, readable failure. */
function staleAt(file: string, fresh: string): string | undefined {
  const committed = readFileSync(file, 'utf8').split('\n');
  const lines = fresh.split('\n');
  const at = lines.findIndex((line, i) => line !== committed[i]);
  const index = at === -1 && lines.length !== committed.length ? Math.min(lines.length, committed.length) : at;
  if (index === -1) return undefined;
  return `${file} is stale (run npm run api:types): line ${index + 1} is\n  ${committed[index] ?? '(end of file)'}\nbut the code gives\n  ${lines[index] ?? '(end of file)'}`;
}

/** `npm run api:types` in small: the committed document and web types are what the code builds now. */
describe('the committed OpenAPI document and web client types', () => {
  let work: string;
  let document: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gds-api-types-'));
    document = serializeOpenApi(await previewOpenApiDocument());
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('openapi/openapi.json is the document the code builds (run npm run api:types)', () => {
    expect(staleAt(COMMITTED_DOCUMENT, document)).toBeUndefined();
  });

  it('web/src/shared/api/schema.gen.ts is generated from it (run npm run api:types)', () => {
    const input = join(work, 'openapi.json');
    const output = join(work, 'schema.gen.ts');
    writeFileSync(input, document);
    execFileSync(process.execPath, [openapiTypescriptCli(), input, '--output', output], { cwd: root, stdio: 'pipe' });
    expect(staleAt(COMMITTED_TYPES, readFileSync(output, 'utf8'))).toBeUndefined();
  });
});
