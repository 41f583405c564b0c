import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Client, Notification } from 'pg';
import { DataSource } from 'typeorm';
import { AccessStandingCache } from './access-standing-cache';

/** The channel the migration's triggers (1797790000000-AccessStandingNotify) notify with a user's id. */
export const ACCESS_STANDING_CHANNEL = 'gds_access_standing';
/** The listener's connection, as pg_stat_activity names it (tests find it by this to cut it). */
export const ACCESS_STANDING_LISTENER_NAME = 'gds-access-standing';

/** The payload of a notification that ends every user's entries (the migration's TRUNCATE triggers). */
export const ACCESS_STANDING_EVERYONE = '*';
/** A self-probe's payload starts with this (never a user id): heard, it proves the feed; it forgets nobody. */
export const ACCESS_STANDING_PROBE_PREFIX = 'probe:';
/** The migration's triggers: without them (code deployed before its migration) no change would be heard. */
export const ACCESS_STANDING_TRIGGERS = [
  'app_user_standing_changed',
  'app_user_standing_deleted',
  'app_user_standing_truncated',
  'refresh_token_standing_inserted',
  'refresh_token_standing_changed',
  'refresh_token_standing_deleted',
  'refresh_token_standing_truncated',
];

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;
/** How often the listener notifies itself; a probe not heard by the next one means the feed is lost. */
const PROBE_EVERY_MS = 5_000;
/** Any statement on the listener's connection (LISTEN, the trigger check, a probe), as the outbox relay's client. */
const QUERY_TIMEOUT_MS = 5_000;
/** Shutdown waits this long for a clean goodbye, then drops the socket. */
const END_WITHIN_MS = 2_000;

/**
 * Keeps AccessStandingCache true across processes: LISTENs on a connection of its own (not the
 * pool's: a LISTEN belongs to its session, and a pooled connection goes back to others) and forgets
 * a user's entries on each notification. The cache answers only while this connection is live: it is
 * cleared and bypassed from the moment the connection errs or ends, and cleared again once LISTEN is
 * back (retried with back-off), so a notification lost with the connection never leaves an entry.
 * The cache goes live only once the migration's triggers are known to be there, and a periodic
 * self-probe (a NOTIFY of a nonce it must hear back) catches a connection that answers but no
 * longer delivers. A notification of '*' (a TRUNCATE) clears every entry.
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
  private probeTimer: NodeJS.Timeout | undefined;
  /** The payload of our probe not heard yet. */
  private probeNonce: string | undefined;
  private triggersWarned = false;

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
    this.stopProbing();
    this.cache.live(false);
    // Bounded: connecting times out (connectionTimeoutMillis, query_timeout).
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    if (client) await endWithin(client);
  }

  /** The backend pid of the live connection, for tests. */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  private url(): string | undefined {
    return (this.dataSource.options as { url?: string }).url;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.url(),
      application_name: ACCESS_STANDING_LISTENER_NAME,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 5_000,
      query_timeout: QUERY_TIMEOUT_MS,
      // The connection idles between notifications: a server-wide idle_session_timeout must not end it.
      options: '-c idle_session_timeout=0',
    });
    client.on('notification', (message) => this.heard(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    let triggers: boolean;
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCESS_STANDING_CHANNEL}`);
      triggers = await this.triggersPresent(client);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if ((client as { lostHandled?: boolean }).lostHandled) return;
    if (!this.running) {
      await endWithin(client);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    this.startProbing(client);
    // After LISTEN: any change committed from now on is heard; anything before is what the next lookup reads.
    if (triggers) this.cache.live(true);
  }

  /**
   * Whether every trigger of the migration is there (and enabled). If not (the code deployed before
   * its migration, MIGRATIONS_RUN_ON_START=false) the cache stays bypassed, with one warning; the
   * probe looks again each round, so the cache comes on once the migration has run.
   */
  private async triggersPresent(client: Client): Promise<boolean> {
    const { rows } = await client.query(
      `SELECT count(DISTINCT tgname)::int AS present FROM pg_catalog.pg_trigger
        WHERE tgname = ANY($1) AND tgenabled <> 'D' AND tgrelid IN (to_regclass('app_user'), to_regclass('refresh_token'))`,
      [ACCESS_STANDING_TRIGGERS],
    );
    const present = rows[0].present === ACCESS_STANDING_TRIGGERS.length;
    if (!present && !this.triggersWarned) {
      this.triggersWarned = true;
      this.logger.warn({ msg: 'access standing triggers missing (migration 1797790000000 not run?); checking every request against the database until they are there', present: rows[0].present, expected: ACCESS_STANDING_TRIGGERS.length });
    }
    return present;
  }

  /**
   * Every PROBE_EVERY_MS the listener notifies its own channel with a nonce on its own connection: a
   * connection that still answers but no longer delivers notifications (a proxy in the way, a
   * half-open socket keepalive has not caught yet) is lost as soon as a nonce is not heard by the
   * next round. A probe's statement that fails or times out (query_timeout) loses it too.
   */
  private startProbing(client: Client): void {
    this.stopProbing();
    this.probeTimer = setInterval(() => void this.probe(client), PROBE_EVERY_MS);
    this.probeTimer.unref();
  }

  private stopProbing(): void {
    clearInterval(this.probeTimer);
    this.probeTimer = undefined;
    this.probeNonce = undefined;
  }

  private async probe(client: Client): Promise<void> {
    if (this.client !== client || !this.running) return;
    if (this.probeNonce !== undefined) {
      this.lost(client, new Error(`self-probe not heard within ${PROBE_EVERY_MS} ms`));
      return;
    }
    const nonce = `${ACCESS_STANDING_PROBE_PREFIX}${randomUUID()}`;
    this.probeNonce = nonce;
    try {
      await client.query('SELECT pg_notify($1, $2)', [ACCESS_STANDING_CHANNEL, nonce]);
      if (!this.cache.answering && this.client === client && (await this.triggersPresent(client)) && this.client === client && this.running) {
        this.logger.log({ msg: 'access standing triggers present; cache on' });
        this.cache.live(true);
      }
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private heard(message: Notification): void {
    if (message.channel !== ACCESS_STANDING_CHANNEL || !message.payload) return;
    const payload = message.payload;
    if (payload.startsWith(ACCESS_STANDING_PROBE_PREFIX)) {
      // Another process's probes are heard too: only ours proves this feed.
      if (payload === this.probeNonce) this.probeNonce = undefined;
    } else if (payload === ACCESS_STANDING_EVERYONE) {
      this.cache.clear();
    } else {
      this.cache.forget(payload);
    }
  }

  /** The feed is down: bypass the cache at once, and try again with back-off. Once per client (error and end both come). */
  private lost(client: Client, error: Error): void {
    if ((client as { lostHandled?: boolean }).lostHandled) return;
    (client as { lostHandled?: boolean }).lostHandled = true;
    if (this.client === client) {
      this.client = undefined;
      this.stopProbing();
    }
    void endWithin(client);
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

/** Ends the client cleanly if it answers within END_WITHIN_MS, else destroys its socket. */
async function endWithin(client: Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ended = await Promise.race([
    client.end().then(() => true, () => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), END_WITHIN_MS);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
  if (!ended) (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}
