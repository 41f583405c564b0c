import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { AppConfig } from '../../config/app-config';
import { rolePassword, SANDBOX_OWNER_ROLE } from './sandbox-names';

const MAX_READER_POOLS = 32;

/**
 * Connections to the sandbox database: a short-lived admin client (creates the database, roles and
 * grants), one pool for the owner role and a small pool per dataset reader role. Nothing here ever
 * connects to the app database. A reader connection serves one answer and is closed: no session
 * state (a random seed, a prepared statement, a setting, a lock) can pass from one answer to the next.
 */
@Injectable()
export class SandboxPools implements OnModuleDestroy {
  private ownerPool?: Pool;
  private readonly readerPools = new Map<string, Pool>();

  constructor(private readonly config: AppConfig) {}

  get databaseName(): string {
    return decodeURIComponent(new URL(this.config.SANDBOX_DATABASE_URL).pathname.replace(/^\//, ''));
  }

  get sandboxUrl(): string {
    return this.config.SANDBOX_DATABASE_URL;
  }

  /** Runs admin work on the sandbox database, or on the cluster's maintenance database `postgres`. */
  async withAdmin<T>(database: 'sandbox' | 'maintenance', work: (client: Client) => Promise<T>): Promise<T> {
    const url = new URL(this.config.SANDBOX_DATABASE_URL);
    if (database === 'maintenance') url.pathname = '/postgres';
    const client = new Client({ connectionString: url.toString() });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  owner(): Pool {
    this.ownerPool ??= this.poolFor(SANDBOX_OWNER_ROLE, 4, 0);
    return this.ownerPool;
  }

  reader(role: string): Pool {
    let pool = this.readerPools.get(role);
    if (pool) {
      // Most recently used last, so the oldest is the one evicted.
      this.readerPools.delete(role);
      this.readerPools.set(role, pool);
      return pool;
    }
    if (this.readerPools.size >= MAX_READER_POOLS) {
      const [oldest, oldPool] = this.readerPools.entries().next().value as [string, Pool];
      this.readerPools.delete(oldest);
      void oldPool.end().catch(() => undefined);
    }
    pool = this.poolFor(role, 4, 1);
    this.readerPools.set(role, pool);
    return pool;
  }

  /** Closes a reader's pool (its role is being dropped). */
  async forget(role: string): Promise<void> {
    const pool = this.readerPools.get(role);
    this.readerPools.delete(role);
    await pool?.end().catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    const pools = [...this.readerPools.values(), ...(this.ownerPool ? [this.ownerPool] : [])];
    this.readerPools.clear();
    this.ownerPool = undefined;
    await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
  }

  /** `maxUses` 1: the connection is closed when released, after its one answer (0: reused). */
  private poolFor(role: string, max: number, maxUses: number): Pool {
    const url = new URL(this.config.SANDBOX_DATABASE_URL);
    url.username = role;
    url.password = rolePassword(this.config.SANDBOX_ROLE_SECRET, role);
    const pool = new Pool({
      connectionString: url.toString(),
      max,
      ...(maxUses ? { maxUses } : {}),
      idleTimeoutMillis: 10_000,
      // A safety net behind the server's statement_timeout: a stuck socket ends as an error.
      query_timeout: this.config.SANDBOX_STATEMENT_TIMEOUT_MS + 10_000,
      application_name: 'gds-sandbox',
    });
    pool.on('error', () => undefined);
    return pool;
  }
}
