import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { QUEUE_NAMES } from './job-catalog';
import { Outbox } from './outbox.service';
import { QueueRegistry } from './queue-registry';
import { QueueSettings } from './queue-settings';
import { redisOptionsFromUrl } from './redis-options';
import { JobHandlerRegistry } from './job-handler.registry';
import { QUEUE_PROCESSORS } from './queue-processors';
import { OutboxRelay } from './outbox-relay.service';
import { EvictionPolicyCheck } from './eviction-policy.check';
import { QueueErrorListener } from './queue-error-listener';
import { QueueRole } from './queue-role';
import { JobSchedulers } from './job-schedulers';

/**
 * Queues for every process (publishing through the outbox, reading job status); the workers, the
 * relay and the eviction check only where `workers` is true.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(options: { settings: Provider<QueueSettings>; workers: boolean }): DynamicModule {
    const bull = BullModule.forRootAsync({
      extraProviders: [options.settings],
      inject: [QueueSettings],
      useFactory: (settings: QueueSettings) => ({
        prefix: settings.prefix,
        // Workers block on Redis; BullMQ requires unlimited retries per request for them.
        connection: { ...redisOptionsFromUrl(settings.redisUrl), maxRetriesPerRequest: null },
      }),
    });
    const queues = BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name })));
    const workerProviders = options.workers
      ? [EvictionPolicyCheck, JobHandlerRegistry, ...QUEUE_PROCESSORS, OutboxRelay, JobSchedulers]
      : [];
    return {
      module: QueueModule,
      imports: [DiscoveryModule, bull, queues],
      providers: [options.settings, { provide: QueueRole, useValue: new QueueRole(options.workers) }, Outbox, QueueRegistry.provider(), QueueErrorListener, ...workerProviders],
      exports: [QueueSettings, QueueRole, Outbox, QueueRegistry, queues, ...(options.workers ? [OutboxRelay] : [])],
    };
  }
}
