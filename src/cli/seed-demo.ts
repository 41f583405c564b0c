import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/load-config';
import { prepareDatabase } from '../platform/prepare-database';
import { DemoContext, demoContext } from './demo/demo-step';
import { DEMO_STEPS } from './demo/demo-steps';

/** How long the seed waits for its own worker to grade the submissions and issue the certificate. */
const DRAIN_TIMEOUT_MS = 120_000;

/**
 * `npm run seed:demo`: a small realistic programme in the database of DATABASE_URL, so a newcomer
 * can explore at once. Boots the application's services in the WORKER role (no HTTP): the seed acts
 * through the modules' services, which publish to the outbox as usual, and this process's own relay
 * and workers grade the submissions and issue the certificate before it exits (needs REDIS_URL).
 * Idempotent: a second run finds everything and changes nothing.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.isProduction) throw new Error('seed:demo refuses to run with NODE_ENV=production: its logins are public.');
  await prepareDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRole('worker', config), { logger: ['error'] });
  const ctx: DemoContext = demoContext(app, config, (line) => console.log(line), { timeoutMs: DRAIN_TIMEOUT_MS });
  try {
    for (const [index, step] of DEMO_STEPS.entries()) {
      console.log(`[${index + 1}/${DEMO_STEPS.length}] ${step.name}`);
      await app.get(ClsService).run(() => step.run(ctx));
    }
  } finally {
    await app.close();
  }
  printSummary(ctx);
  console.log('\nDemo logins (all demo passwords are public: never seed a production system):');
  for (const login of ctx.logins) console.log(`  ${login.roles.join('+').padEnd(10)} ${login.email.padEnd(30)} ${login.password}`);
}

function printSummary(ctx: DemoContext): void {
  console.log('\nDemo programme:');
  for (const [code, course] of ctx.courses) console.log(`  course ${code.padEnd(30)} v${course.outline.version}, assessments: ${Object.keys(course.assessments).join(', ')}`);
  if (ctx.cohort) console.log(`  cohort "${ctx.cohort.name}" (running, ${ctx.cohort.enrollments.size} enrolled; trainee11 waitlisted, trainee12 rejected) id ${ctx.cohort.id}`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
