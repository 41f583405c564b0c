import { buildDataSourceOptions } from '@gds/database';
import { createTestDatabase } from '@gds/testing';
import { MIGRATIONS } from '../migrations';
import { cpuSeconds, rssMB, sampleProcesses } from '../bench/load/process-sampler';

describe('bench:load process sampler', () => {
  it('reads the RSS and CPU seconds of a live process from /proc, and nothing of a missing one', async () => {
    expect(rssMB(process.pid)).toBeGreaterThan(10);
    expect(cpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(rssMB(undefined)).toBeNull();
    expect(rssMB(2 ** 22 + 12345)).toBeNull();
    const sampler = sampleProcesses([{ name: 'self', pid: () => process.pid }], 10);
    let spin = 0;
    for (let i = 0; i < 2e7; i++) spin += i % 7;
    expect(spin).toBeGreaterThan(0);
    const [self] = sampler.stop();
    expect(self.name).toBe('self');
    expect(self.rssMaxMB).toBeGreaterThanOrEqual(self.rssMedianMB!);
    expect(self.cpuSeconds).toBeGreaterThanOrEqual(0);
  });
});

describe('bench:load process sampler, groups', () => {
  it("sums a group's CPU over members alive at the start and members that appear later", async () => {
    const { spawn } = await import('node:child_process');
    const members: number[] = [];
    const sampler = sampleProcesses([{ name: 'children', pids: () => members }], 20);
    const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 20000; while (Date.now() < end);']);
    members.push(child.pid!);
    // Polled with a deadline, not slept: the machine may be loaded.
    const deadline = Date.now() + 15_000;
    while ((cpuSeconds(child.pid) ?? 0) < 0.2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const [group] = sampler.stop();
    child.kill();
    expect(group.name).toBe('children');
    expect(group.rssMaxMB).toBeNull();
    // Seen first after the start: counted from its fork, so its busy loop shows.
    expect(group.cpuSeconds).toBeGreaterThanOrEqual(0.2);
  });
});

describe('bench:load process sampler, members alive before and gone after', () => {
  const busyChild = async (script: string) => (await import('node:child_process')).spawn(process.execPath, ['-e', script]);
  const until = async (done: () => boolean) => {
    // Polled with a deadline, not slept: the machine may be loaded.
    const deadline = Date.now() + 20_000;
    while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  it("counts a member alive before the sampler starts from the sampler's start, not from its fork", async () => {
    const child = await busyChild('const end = Date.now() + 30000; while (Date.now() < end);');
    try {
      await until(() => (cpuSeconds(child.pid) ?? 0) >= 0.6);
      const beforeStart = cpuSeconds(child.pid)!;
      expect(beforeStart).toBeGreaterThanOrEqual(0.6);
      const sampler = sampleProcesses([{ name: 'group', pids: () => [child.pid!] }], 20);
      await until(() => (cpuSeconds(child.pid) ?? 0) >= beforeStart + 0.3);
      const [group] = sampler.stop();
      const atStop = cpuSeconds(child.pid)!;
      // What it used while sampled (rounded to 0.1 s), not the 0.6 s and more it had used before.
      expect(group.cpuSeconds).toBeGreaterThanOrEqual(0.2);
      expect(group.cpuSeconds).toBeLessThanOrEqual(atStop - beforeStart + 0.1);
      expect(group.cpuSeconds).toBeLessThan(atStop - 0.4);
    } finally {
      child.kill();
    }
  });

  it('keeps what a member that exits between samples had used at its last sample', async () => {
    const members: number[] = [];
    const sampler = sampleProcesses([{ name: 'group', pids: () => members }], 20);
    // Burns 0.5 s of its own CPU, then exits.
    const child = await busyChild('const used = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; }; while (used() < 0.5);');
    members.push(child.pid!);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await exited;
    await until(() => cpuSeconds(child.pid) === null);
    expect(cpuSeconds(child.pid)).toBeNull();
    const [group] = sampler.stop();
    // Sampled every 20 ms while it ran: most of its 0.5 s (plus Node's start-up) is counted, and it is not dropped when it is gone.
    expect(group.cpuSeconds).toBeGreaterThanOrEqual(0.2);
    expect(group.cpuSeconds).toBeLessThanOrEqual(1);
  });
});

describe('bench:load service processes', () => {
  it('finds the Postgres backends of one database and the Redis server by their titles', async () => {
    const { postgresBackendPids, redisServerPids } = await import('../bench/load/service-processes');
    const { Client } = await import('pg');
    // A database whose name is not its user's (the user is postgres): the name must be matched in the database's place.
    const db = await createTestDatabase(buildDataSourceOptions({ url: '', poolSize: 2, entities: [], migrations: MIGRATIONS }));
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const [{ pid, user }] = (await client.query<{ pid: number; user: string }>('SELECT pg_backend_pid() AS pid, current_user AS "user"')).rows;
      expect(user).not.toBe(db.name);
      expect(postgresBackendPids(db.name)).toContain(pid);
      expect(postgresBackendPids(user)).not.toContain(pid);
      expect(postgresBackendPids('no_such_database_here')).toEqual([]);
    } finally {
      await client.end();
      await db.drop();
    }
    expect(redisServerPids(1)).toEqual([]);
  });
});
