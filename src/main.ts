import 'reflect-metadata';
import { AppConfig, PROCESS_ROLES, ProcessRole } from './config/app-config';
import { ConfigError, loadConfig } from './config/load-config';
import { prepareDatabase } from './platform/prepare-database';
import { warmMarkdownRenderer } from './course/markdown-renderer';

function roleFromArgs(args: string[]): ProcessRole {
  const given = args[0] ?? 'all';
  if (!(PROCESS_ROLES as readonly string[]).includes(given)) {
    throw new ConfigError([`process role "${given}" is unknown; use one of ${PROCESS_ROLES.join(', ')}`]);
  }
  return given as ProcessRole;
}

/** `node dist/src/main.js [api|worker|all]` */
async function main(): Promise<void> {
  let config: AppConfig;
  let role: ProcessRole;
  try {
    role = roleFromArgs(process.argv.slice(2));
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  await prepareDatabase(config);
  // Each role loads only its own entry: the worker never loads the HTTP stack (Fastify and its plugins, OpenAPI, the web app).
  if (role === 'worker') {
    const { createWorkerContext } = await import('./platform/worker-app');
    await createWorkerContext(config);
    return;
  }
  const { createApp } = await import('./platform/http-app');
  const app = await createApp(role, config);
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
  // Libraries left out of the start (issue 23.6) that a common first request needs: loaded now, in
  // the background, so the first lesson read does not pay for them. Readiness never waited for them.
  setImmediate(warmMarkdownRenderer);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
