import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { DatabaseModule, buildDataSourceOptions } from '@gds/database';
import { QueueModule, QueueSettings } from '@gds/queue';
import { AccessGuard, createValidationPipe, ProblemDetailsFilter, RejectNulPipe, RejectUnexpectedBodyGuard } from '@gds/http';
import { AppConfig, ProcessRole } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { queueConcurrencies } from './config/worker-concurrency';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../migrations';
import { domainModules } from './domain-modules';
import { loggerOptions } from './platform/logger-options';

/**
 * The root module of a process. `api` serves HTTP; `worker` runs the queue processors, the outbox
 * relay and the schedules; `all` does both (the default on a single machine).
 */
@Module({})
export class AppModule {
  static forRole(role: ProcessRole, config: AppConfig): DynamicModule {
    const http = role === 'api' || role === 'all';
    const workers = role === 'worker' || role === 'all';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config, role)),
        DatabaseModule.forRoot({
          inject: [AppConfig],
          useFactory: (c: AppConfig) =>
            buildDataSourceOptions({ url: c.DATABASE_URL, poolSize: c.DATABASE_POOL_SIZE, connectTimeoutMs: c.DATABASE_CONNECT_TIMEOUT_MS, entities: ENTITIES, migrations: MIGRATIONS }),
        }),
        QueueModule.forRoot({
          workers,
          settings: {
            provide: QueueSettings,
            useValue: {
              redisUrl: config.REDIS_URL,
              prefix: config.QUEUE_PREFIX,
              concurrency: config.WORKER_CONCURRENCY,
              concurrencyByQueue: queueConcurrencies(config),
              outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
              outboxClaimSpacingMs: config.OUTBOX_CLAIM_SPACING_MS,
              schedules: {
                'scan-at-risk': { pattern: config.AT_RISK_SCAN_CRON, tz: 'UTC' },
                'send-email-digests': { every: config.EMAIL_DIGEST_INTERVAL_MS },
                'refresh-cohort-reports': { every: config.REPORT_REFRESH_INTERVAL_SECONDS * 1000 },
              },
            } satisfies QueueSettings,
          },
        }),
        ...domainModules(http),
      ],
      providers: http
        ? [
            { provide: APP_FILTER, useClass: ProblemDetailsFilter },
            { provide: APP_GUARD, useClass: AccessGuard },
            { provide: APP_GUARD, useClass: RejectUnexpectedBodyGuard },
            { provide: APP_PIPE, useClass: RejectNulPipe },
            { provide: APP_PIPE, useFactory: createValidationPipe },
          ]
        : [],
    };
  }
}
