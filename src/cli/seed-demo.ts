import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/app-config';
import { prepareDatabase } from '../platform/prepare-database';
import { DemoContext } from './demo/demo-step';
import { DEMO_STEPS } from './demo/demo-steps';

/**
 * `npm run seed:demo`: a small realistic programme in the database of DATABASE_URL, so a newcomer
 * can explore at once. Boots the application's services without HTTP or workers; idempotent.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.isProduction) throw new Error('seed:demo refuses to run with NODE_ENV=production: its logins are public.');
  await prepareDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRole('api', config), { logger: ['error', 'warn'] });
  const ctx: DemoContext = { app, config, people: new Map(), logins: [], log: (line) => console.log(line) };
  try {
    for (const [index, step] of DEMO_STEPS.entries()) {
      console.log(`[${index + 1}/${DEMO_STEPS.length}] ${step.name}`);
      await app.get(ClsService).run(() => step.run(ctx));
    }
  } finally {
    await app.close();
  }
  console.log('\nDemo logins (all demo passwords are public: never seed a production system):');
  for (const login of ctx.logins) console.log(`  ${login.roles.join('+').padEnd(10)} ${login.email.padEnd(30)} ${login.password}`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
