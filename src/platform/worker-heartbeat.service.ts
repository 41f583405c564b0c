import { closeSync, openSync, utimesSync } from 'node:fs';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { QueueRole } from '@gds/queue';
import { AppConfig } from '../config/app-config';

/**
 * The worker serves no HTTP, so its liveness signal is a file it touches every
 * WORKER_HEARTBEAT_INTERVAL_MS while its event loop runs. The container health check fails when
 * the file is older than a few intervals (a hung or dead worker). Only in processes that run the
 * relay (worker and all roles), and only when WORKER_HEARTBEAT_FILE is set.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly queueRole: QueueRole,
  ) {}

  onApplicationBootstrap(): void {
    const file = this.config.WORKER_HEARTBEAT_FILE;
    if (!file || !this.runsWorkers()) return;
    this.beat(file);
    this.timer = setInterval(() => this.beat(file), this.config.WORKER_HEARTBEAT_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private runsWorkers(): boolean {
    return this.queueRole.runsWorkers;
  }

  private beat(file: string): void {
    try {
      closeSync(openSync(file, 'a'));
      const now = new Date();
      utimesSync(file, now, now);
    } catch (error) {
      this.logger.warn({ msg: 'could not touch the heartbeat file', file, error: (error as Error).message });
    }
  }
}
