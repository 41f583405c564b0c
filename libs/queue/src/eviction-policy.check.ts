import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { redisOptionsFromUrl } from './redis-options';
import { QueueSettings } from './queue-settings';

/**
 * BullMQ keeps jobs as Redis keys; a Redis that evicts keys under memory pressure silently drops
 * jobs. Workers refuse to start unless `maxmemory-policy` is `noeviction`.
 */
@Injectable()
export class EvictionPolicyCheck implements OnModuleInit {
  private readonly logger = new Logger(EvictionPolicyCheck.name);

  constructor(private readonly settings: QueueSettings) {}

  async onModuleInit(): Promise<void> {
    const policy = await readEvictionPolicy(this.settings.redisUrl);
    if (policy === undefined) {
      this.logger.warn('Could not read Redis maxmemory-policy (CONFIG GET refused); make sure it is noeviction');
      return;
    }
    if (policy !== 'noeviction') {
      throw new Error(
        `Redis maxmemory-policy is "${policy}"; workers need "noeviction" or queued jobs can be lost. ` +
          'Run `redis-cli CONFIG SET maxmemory-policy noeviction` (and set it in redis.conf).',
      );
    }
  }
}

export async function readEvictionPolicy(url: string): Promise<string | undefined> {
  const client = new Redis({ ...redisOptionsFromUrl(url), lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const answer = (await client.config('GET', 'maxmemory-policy')) as string[];
    return answer[1];
  } catch (error) {
    if (/unknown command|NOPERM/i.test((error as Error).message)) return undefined;
    throw error;
  } finally {
    client.disconnect();
  }
}
