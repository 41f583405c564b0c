import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Client, Notification } from 'pg';
import { DataSource } from 'typeorm';
import { AccessStandingCache } from './access-standing-cache';

/** The channel the migration's triggers (1797790000000-AccessStandingNotify) notify with a user's id. */
export const ACCESS_STANDING_CHANNEL = 'gds_access_standing';
/** The listener's connection, as pg_stat_activity names it (tests find it by this to cut it). */
export const ACCESS_STANDING_LISTENER_NAME = 'gds-access-standing';

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/**
 * Keeps AccessStandingCache true across processes: LISTENs on a connection of its own (not the
 * pool's: a LISTEN belongs to its session, and a pooled connection goes back to others) and forgets
 * a user's entries on each notification. The cache answers only while this connection is live: it is
 * cleared and bypassed from the moment the connection errs or ends, and cleared again once LISTEN is
 * back (retried with back-off), so a notification lost with the connection never leaves an entry.
 *
 * Only a process serving HTTP (roles `api` and `all`) runs it: a worker or the CLI (an application
 * context, no HTTP adapter) checks no access tokens, and with no live feed its cache never answers.
 */
@Injectable()
export class AccessStandingListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AccessStandingListener.name);
  private running = false;
  private client: Client | undefined;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly cache: AccessStandingCache,
    private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /**
   * Waits for the first attempt (a LISTEN is one round trip; the database answered the migrations
   * just before), so a process serves its first requests with the cache live; a failed attempt is
   * retried in the background meanwhile the cache is bypassed.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.cache.enabled || !this.adapterHost.httpAdapter || !this.url()) return;
    this.running = true;
    this.connecting = this.connect();
    await this.connecting;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.cache.live(false);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** The backend pid of the live connection, for tests. */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  private url(): string | undefined {
    return (this.dataSource.options as { url?: string }).url;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url(), application_name: ACCESS_STANDING_LISTENER_NAME, keepAlive: true, keepAliveInitialDelayMillis: 10_000, connectionTimeoutMillis: 5_000 });
    client.on('notification', (message) => this.heard(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCESS_STANDING_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if ((client as { lostHandled?: boolean }).lostHandled) return;
    if (!this.running) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    // After LISTEN: any change committed from now on is heard; anything before is what the next lookup reads.
    this.cache.live(true);
  }

  private heard(message: Notification): void {
    if (message.channel === ACCESS_STANDING_CHANNEL && message.payload) this.cache.forget(message.payload);
  }

  /** The feed is down: bypass the cache at once, and try again with back-off. Once per client (error and end both come). */
  private lost(client: Client, error: Error): void {
    if ((client as { lostHandled?: boolean }).lostHandled) return;
    (client as { lostHandled?: boolean }).lostHandled = true;
    if (this.client === client) this.client = undefined;
    client.end().catch(() => undefined);
    if (!this.running) return;
    this.cache.live(false);
    this.logger.warn({ msg: 'access standing listener lost; checking every request against the database until it is back', error: error.message, retryMs: this.retryMs });
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.running) this.connecting = this.connect();
    }, delay);
    this.retryTimer.unref();
  }
}
