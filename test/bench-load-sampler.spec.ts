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

describe('bench:load service processes', () => {
  it('finds the Postgres backends of one database and the Redis server by their titles', async () => {
    const { postgresBackendPids, redisServerPids } = await import('../bench/load/service-processes');
    const { Client } = await import('pg');
    const client = new Client({ connectionString: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    await client.connect();
    try {
      const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      expect(postgresBackendPids('postgres')).toContain(pid);
      expect(postgresBackendPids('no_such_database_here')).toEqual([]);
    } finally {
      await client.end();
    }
    expect(redisServerPids(1)).toEqual([]);
  });
});
