import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { recordSpawned } from '@gds/testing';
import { freePort } from '../../bench/harness/child-process';

const run = promisify(execFile);

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const version = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql/*/bin');
  return path.join(root, version, 'bin');
}

/**
 * A throwaway PostgreSQL cluster of a test's own (initdb into a temporary directory, run as the
 * postgres user, on a free port), so fault tests can stop and start it without touching the shared
 * server on 5432 that other test files use. Trust authentication, unix socket in the data directory.
 */
export class OwnPostgresServer {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
  ) {}

  static async start(): Promise<OwnPostgresServer> {
    const dir = mkdtempSync(path.join(tmpdir(), 'gds-pg-'));
    chownSync(dir, ...(await postgresIds()));
    const server = new OwnPostgresServer(await freePort(), dir, postgresBin());
    await server.asPostgres(path.join(server.bin, 'initdb'), ['-D', server.dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await server.resume();
    return server;
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** The maintenance database: pass it to startTestApp({ postgresAdminUrl }). */
  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async resume(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c max_connections=100`;
    await this.asPostgres(path.join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-o', options, '-l', path.join(this.dir, 'log'), '-w', '-t', '120', 'start']);
    // pg_ctl leaves the postmaster running on its own: record it, so the run's teardown can tell if it outlived its test.
    recordSpawned(Number(readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]), `postgres ${this.dataDir}`);
    await this.waitAccepting();
  }

  /** Stops the server: `fast` ends sessions cleanly (a restart), `immediate` is a crash. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.asPostgres(path.join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', '-t', '120', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async waitAccepting(): Promise<void> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const client = new Client({ connectionString: this.adminUrl });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }

  private async asPostgres(command: string, args: string[]): Promise<void> {
    // Postgres refuses to run as root; runuser drops to the postgres user (when we are root at all).
    const root = process.getuid?.() === 0;
    await run(root ? 'runuser' : command, root ? ['-u', 'postgres', '--', command, ...args] : args, { cwd: this.dir });
  }
}

async function postgresIds(): Promise<[number, number]> {
  if (process.getuid?.() !== 0) return [process.getuid?.() ?? 0, process.getgid?.() ?? 0];
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return [Number(uid.trim()), Number(gid.trim())];
}
