import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { QueueRegistry } from './queue-registry';

/**
 * Queues (producers, status reads) emit connection errors while Redis is down; without a listener
 * Node prints each one. BullMQ reconnects by itself, so a warning every 30 s per queue is enough.
 */
@Injectable()
export class QueueErrorListener implements OnModuleInit {
  private readonly logger = new Logger('Queue');
  private readonly lastWarned = new Map<string, number>();

  constructor(private readonly queues: QueueRegistry) {}

  onModuleInit(): void {
    for (const queue of this.queues.all()) {
      queue.on('error', (error: Error) => {
        const last = this.lastWarned.get(queue.name) ?? 0;
        if (Date.now() - last < 30_000) return;
        this.lastWarned.set(queue.name, Date.now());
        this.logger.warn({ msg: 'queue connection error; retrying', queue: queue.name, error: error.message });
      });
    }
  }
}
