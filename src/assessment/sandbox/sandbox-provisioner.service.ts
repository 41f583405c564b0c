import { Injectable, Logger } from '@nestjs/common';
import { Client, PoolClient } from 'pg';
import { ensureDatabaseExists, PG_DUPLICATE_DATABASE, PG_DUPLICATE_OBJECT, PG_UNIQUE_VIOLATION, postgresCode } from '@gds/database';
import { AppConfig } from '../../config/app-config';
import { handleFor, quoteIdent, rolePassword, SANDBOX_OWNER_ROLE, SandboxDataset, SandboxHandle, SandboxTable } from './sandbox-names';
import { SandboxPools } from './sandbox-pools.service';
import { OWNER_KEEPS, REVOKED_FUNCTIONS_QUERY, revokedFunctionParameters } from './sandbox-revocations';

/** The instructor's dataset could not be loaded: the key is at fault, not the trainee. */
export class SandboxDatasetError extends Error {}

const DATASET_TIMEOUT_MS = 60_000;
/**
 * A provisioned dataset is taken for granted this long, then checked again (cheaply, idempotently):
 * another process may have dropped it as unused (SandboxDatasets.sweep waits days, never minutes).
 */
const PROVISIONED_TTL_MS = 10 * 60 * 1000;
// DROP ROLE of a role that still has privileges in another sandbox database of the cluster.
const ROLE_IN_USE = '2BP01';
// CREATE ROLE racing another process: duplicate_object, or the catalog's unique index.
const ROLE_EXISTS_CODES = new Set([PG_DUPLICATE_OBJECT, PG_UNIQUE_VIOLATION]);
const DATABASE_EXISTS_CODES = new Set([PG_DUPLICATE_DATABASE, PG_UNIQUE_VIOLATION]);

/**
 * Prepares the sandbox: the database (created if missing), the owner role, one schema per dataset
 * (named by the dataset's hash, so provisioned once) and one reader role per dataset that may only
 * SELECT that schema. Every step is idempotent and safe when several processes do it at once.
 */
@Injectable()
export class SandboxProvisioner {
  private readonly logger = new Logger(SandboxProvisioner.name);
  private ready?: Promise<void>;
  private readonly provisioned = new Map<string, { pending: Promise<SandboxHandle>; at: number }>();

  constructor(
    private readonly config: AppConfig,
    private readonly pools: SandboxPools,
  ) {}

  provision(dataset: SandboxDataset): Promise<SandboxHandle> {
    const handle = handleFor(dataset);
    const known = this.provisioned.get(handle.hash);
    if (known && Date.now() - known.at < PROVISIONED_TTL_MS) return known.pending;
    const pending = this.provisionOnce(dataset, handle);
    this.provisioned.set(handle.hash, { pending, at: Date.now() });
    // A failure (database down, bad dataset) is retried on the next call, not remembered.
    pending.catch(() => this.provisioned.delete(handle.hash));
    return pending;
  }

  /**
   * Drops a dataset's schema and reader role (a dataset no assessment uses). The role stays when
   * another sandbox database of the cluster still grants it something (several test databases on
   * one server); it can read nothing here any more either way.
   */
  async drop(handle: SandboxHandle): Promise<void> {
    this.provisioned.delete(handle.hash);
    await this.ensureReady();
    await this.withClusterLock(async (maintenance) => {
      await this.pools.withAdmin('sandbox', async (admin) => {
        await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(handle.schema)} CASCADE`);
        const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [handle.readerRole]);
        if (!exists.rowCount) return;
        await admin.query(`REVOKE ALL ON DATABASE ${quoteIdent(this.pools.databaseName)} FROM ${quoteIdent(handle.readerRole)}`);
        await admin.query(`DROP OWNED BY ${quoteIdent(handle.readerRole)}`);
      });
      await this.pools.forget(handle.readerRole);
      try {
        await maintenance.query(`DROP ROLE IF EXISTS ${quoteIdent(handle.readerRole)}`);
      } catch (error) {
        if (postgresCode(error) !== ROLE_IN_USE) throw error;
      }
    });
    this.logger.log(`Dropped sandbox dataset ${handle.schema}`);
  }

  private async provisionOnce(dataset: SandboxDataset, handle: SandboxHandle): Promise<SandboxHandle> {
    await this.ensureReady();
    await this.withClusterLock(async (maintenance) => {
      await this.ensureRole(maintenance, handle.readerRole, true);
      await this.pools.withAdmin('sandbox', (admin) =>
        admin.query(`GRANT CONNECT ON DATABASE ${quoteIdent(this.pools.databaseName)} TO ${quoteIdent(handle.readerRole)}`),
      );
    });
    const client = await this.pools.owner().connect();
    const ignore = () => undefined;
    client.on('error', ignore);
    let broken = false;
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL statement_timeout = ${DATASET_TIMEOUT_MS}`);
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [handle.schema]);
      const exists = await client.query('SELECT 1 WHERE to_regnamespace($1) IS NOT NULL', [handle.schema]);
      if (!exists.rowCount) await this.loadDataset(client, dataset, handle);
      await client.query('COMMIT');
      return handle;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      if (postgresCode(error)) throw new SandboxDatasetError(`The dataset could not be loaded: ${(error as Error).message}`);
      broken = true;
      throw error;
    } finally {
      client.removeListener('error', ignore);
      client.release(broken);
    }
  }

  /** Runs in the owner's transaction: the schema appears only once it is complete. */
  private async loadDataset(client: PoolClient, dataset: SandboxDataset, handle: SandboxHandle): Promise<void> {
    const schema = quoteIdent(handle.schema);
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET LOCAL search_path = ${schema}`);
    // The instructor's script runs as the owner role (no superuser powers), in the simple protocol so
    // that it may hold many statements.
    if (dataset.sql) await client.query(dataset.sql);
    for (const table of dataset.tables ?? []) await this.loadTable(client, schema, table);
    await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${quoteIdent(handle.readerRole)}`);
    await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${quoteIdent(handle.readerRole)}`);
    this.logger.log(`Provisioned sandbox dataset ${handle.schema}`);
  }

  private async loadTable(client: PoolClient, schema: string, table: SandboxTable): Promise<void> {
    const name = `${schema}.${quoteIdent(table.name)}`;
    // Types were checked against a strict pattern when the key was validated.
    const columns = table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
    await client.query(`CREATE TABLE ${name} (${columns})`);
    const width = table.columns.length;
    const perBatch = Math.max(1, Math.floor(10_000 / width));
    for (let start = 0; start < table.rows.length; start += perBatch) {
      const batch = table.rows.slice(start, start + perBatch);
      const tuples = batch.map((_, r) => `(${table.columns.map((_c, c) => `$${r * width + c + 1}`).join(', ')})`);
      await client.query(`INSERT INTO ${name} VALUES ${tuples.join(', ')}`, batch.flat());
    }
  }

  /** The database, the owner role and the database-wide revocations; once per process. */
  private ensureReady(): Promise<void> {
    this.ready ??= this.prepareDatabase().catch((error) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async prepareDatabase(): Promise<void> {
    const database = quoteIdent(this.pools.databaseName);
    await this.withClusterLock(async (maintenance) => {
      await this.createDatabase();
      await this.ensureRole(maintenance, SANDBOX_OWNER_ROLE, false);
      await this.pools.withAdmin('sandbox', async (admin) => {
        // Nobody but the roles granted below may connect, create temporary tables or use `public`.
        await admin.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
        await admin.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
        await admin.query(`GRANT CONNECT, CREATE ON DATABASE ${database} TO ${quoteIdent(SANDBOX_OWNER_ROLE)}`);
        await this.revokeReachingFunctions(admin);
      });
    });
  }

  private async createDatabase(): Promise<void> {
    try {
      await ensureDatabaseExists(this.pools.sandboxUrl);
    } catch (error) {
      // Created by a process not holding our lock (e.g. an older version): it exists, which is the goal.
      if (!DATABASE_EXISTS_CODES.has(postgresCode(error) ?? '')) throw error;
    }
  }

  /**
   * Roles and database-level grants are cluster-wide catalog rows: concurrent changes fail with
   * "tuple concurrently updated" or duplicate keys. Every process and every sandbox database of
   * the cluster serialises them with one advisory lock taken in the maintenance database.
   */
  private async withClusterLock<T>(work: (maintenance: Client) => Promise<T>): Promise<T> {
    return this.pools.withAdmin('maintenance', async (maintenance) => {
      await maintenance.query("SELECT pg_advisory_lock(hashtext('gds:sandbox-catalog'))");
      try {
        return await work(maintenance);
      } finally {
        await maintenance.query("SELECT pg_advisory_unlock(hashtext('gds:sandbox-catalog'))");
      }
    });
  }

  /**
   * Takes from every reader what reaches outside an answer (see sandbox-revocations.ts): the listed
   * built-in functions, and SELECT on every catalog table and view, so no exercise can read another's
   * definitions (pg_proc.prosrc, pg_rewrite, pg_attrdef...) or other sessions (pg_stat_activity).
   * Catalog lookups Postgres makes itself ignore these privileges; information_schema keeps working
   * where it shows only what the reader may use. Only a superuser may change built-ins' privileges:
   * without them the sandbox is not safe, so provisioning fails rather than grade with it.
   */
  private async revokeReachingFunctions(admin: Client): Promise<void> {
    try {
      await admin.query('REVOKE SELECT ON ALL TABLES IN SCHEMA pg_catalog FROM PUBLIC');
      const found = await admin.query<{ signature: string }>(REVOKED_FUNCTIONS_QUERY, revokedFunctionParameters());
      const signatures = found.rows.map((r) => r.signature);
      // Signatures come from regprocedure output (quoted by Postgres where needed).
      for (let i = 0; i < signatures.length; i += 50) {
        await admin.query(`REVOKE EXECUTE ON FUNCTION ${signatures.slice(i, i + 50).join(', ')} FROM PUBLIC`);
      }
      // The owner runs instructors' (trusted) scripts and the provisioner's own statements.
      await admin.query(`GRANT EXECUTE ON FUNCTION ${OWNER_KEEPS.join(', ')} TO ${quoteIdent(SANDBOX_OWNER_ROLE)}`);
      await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA pg_catalog TO ${quoteIdent(SANDBOX_OWNER_ROLE)}`);
    } catch (error) {
      throw new Error(`The sandbox admin must be a superuser of the sandbox server to revoke built-in functions: ${(error as Error).message}`);
    }
  }

  private async ensureRole(admin: Client, role: string, reader: boolean): Promise<void> {
    const name = quoteIdent(role);
    // The password is hex from an HMAC: safe to inline (CREATE ROLE takes no parameters).
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS PASSWORD '${rolePassword(this.config.SANDBOX_ROLE_SECRET, role)}'`;
    const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    try {
      await admin.query(found.rowCount ? `ALTER ROLE ${name} WITH ${attributes}` : `CREATE ROLE ${name} WITH ${attributes}`);
    } catch (error) {
      if (!ROLE_EXISTS_CODES.has(postgresCode(error) ?? '')) throw error;
    }
    if (!reader) return;
    // Defaults that hold even if a query somehow ran outside the grader's own transaction settings.
    await admin.query(`ALTER ROLE ${name} CONNECTION LIMIT 16`);
    await admin.query(`ALTER ROLE ${name} SET default_transaction_read_only = on`);
    await admin.query(`ALTER ROLE ${name} SET statement_timeout = ${this.config.SANDBOX_STATEMENT_TIMEOUT_MS}`);
    await admin.query(`ALTER ROLE ${name} SET idle_in_transaction_session_timeout = ${this.config.SANDBOX_STATEMENT_TIMEOUT_MS + 5000}`);
    // Only a superuser may cap temporary files; a non-superuser sandbox admin skips this.
    await admin.query(`ALTER ROLE ${name} SET temp_file_limit = '256MB'`).catch(() => undefined);
  }
}
