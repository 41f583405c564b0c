import 'reflect-metadata';
import { AppConfig, ConfigError, loadConfig, PROCESS_ROLES, ProcessRole } from './config/app-config';
import { createApp } from './platform/http-app';
import { prepareDatabase } from './platform/prepare-database';

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
  const app = await createApp(role, config);
  if (role === 'worker') {
    await app.init();
    return;
  }
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
