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
