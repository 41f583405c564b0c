import { readdirSync, readFileSync } from 'node:fs';

/**
 * The Postgres and Redis processes behind a load run, found in /proc by their command lines (no
 * query to the server being measured, which would cost it CPU). Issue 23's load run left about a
 * core unaccounted for: this is how the report charges it to Postgres and Redis.
 */

function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return null;
  }
}

function livePids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/**
 * Backends serving `database`: client backends, titled `postgres: [<cluster>: ]<user> <database>
 * <client> <state>`, and autovacuum workers (`... autovacuum worker <database>`). The name is matched
 * in the database's place only: the run's user is usually `postgres`, so matching it anywhere in the
 * title would count every backend of that user as the `postgres` database's. Only the run's own
 * connections: the shared cluster's other databases (other work on the machine) are not counted.
 */
export function postgresBackendPids(database: string): number[] {
  return livePids().filter((pid) => {
    const line = commandLine(pid);
    const title = line === null ? null : /^postgres: (?:\S+: )?(?:autovacuum worker (\S+)$|\S+ (\S+) )/.exec(line);
    return title !== null && (title[1] ?? title[2]) === database;
  });
}

/** The redis-server listening on `port` (its title is `redis-server <host>:<port>`). */
export function redisServerPids(port: number): number[] {
  return livePids().filter((pid) => {
    const line = commandLine(pid);
    return line !== null && /^(\S*\/)?redis-server\b/.test(line) && line.includes(`:${port}`);
  });
}
