import { INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

export interface DemoLogin {
  email: string;
  password: string;
  roles: string[];
  displayName: string;
}

/** What the steps share: the application context, what earlier steps made, and the printer. */
export interface DemoContext {
  app: INestApplicationContext;
  config: AppConfig;
  /** People by key (e.g. 'admin', 'instructor-1', 'trainee-3'), with their ids: later steps use them. */
  people: Map<string, DemoLogin & { id: string }>;
  /** Logins to print at the end. */
  logins: DemoLogin[];
  log(line: string): void;
}

/**
 * One step of the demo seed. Steps run in order inside a CLS context (so @Transactional services
 * work) and MUST be idempotent: a second `npm run seed:demo` changes nothing and fails nothing.
 */
export interface DemoStep {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}
