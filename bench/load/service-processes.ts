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
 * Backends serving `database` (their title is `postgres: <cluster>: <user> <database> <client> <state>`).
 * Only the run's own connections: the shared cluster's other databases (other work on the machine)
 * are not counted.
 */
export function postgresBackendPids(database: string): number[] {
  const marker = ` ${database} `;
  return livePids().filter((pid) => {
    const line = commandLine(pid);
    return line !== null && line.startsWith('postgres:') && `${line} `.includes(marker);
  });
}

/** The redis-server listening on `port` (its title is `redis-server <host>:<port>`). */
export function redisServerPids(port: number): number[] {
  return livePids().filter((pid) => {
    const line = commandLine(pid);
    return line !== null && /^(\S*\/)?redis-server\b/.test(line) && line.includes(`:${port}`);
  });
}
