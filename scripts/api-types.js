// `npm run api:types`: writes the OpenAPI document (openapi/openapi.json) from the built server
// without Postgres or Redis (src/cli/openapi-document.ts), then the web app's client types
// (web/src/shared/api/schema.gen.ts) from it. test/openapi-types.spec.ts fails when either is stale.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const documentPath = path.join(root, 'openapi/openapi.json');
const typesPath = path.join(root, 'web/src/shared/api/schema.gen.ts');

/** openapi-typescript is a dependency of the web workspace; npm may install it there or hoist it. */
const openapiTypescriptCli = () =>
  path.join(path.dirname(require.resolve('openapi-typescript/package.json', { paths: [path.join(root, 'web')] })), 'bin/cli.js');

async function main() {
  const { previewOpenApiDocument, serializeOpenApi } = require(path.join(root, 'dist/src/cli/openapi-document.js'));
  fs.mkdirSync(path.dirname(documentPath), { recursive: true });
  fs.writeFileSync(documentPath, serializeOpenApi(await previewOpenApiDocument()));
  execFileSync(process.execPath, [openapiTypescriptCli(), documentPath, '--output', typesPath], { cwd: root, stdio: 'inherit' });
  console.log(`wrote ${path.relative(root, documentPath)} and ${path.relative(root, typesPath)}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}

module.exports = { openapiTypescriptCli };
