/**
 * Prints, after the run, how long each test file took (slowest first) and the suite's total, so a
 * CI log shows where time goes and which files grow slow. Also written to
 * test-artifacts/test-durations.json for comparing runs.
 */
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

class DurationReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.files = [];
    this.startedAt = Date.now();
    this.loadAtStart = os.loadavg()[0];
  }

  onRunStart() {
    this.startedAt = Date.now();
    this.loadAtStart = os.loadavg()[0];
  }

  onTestResult(test, result) {
    const { start, end } = result.perfStats;
    this.files.push({
      file: path.relative(this.rootDir, test.path),
      seconds: Math.max(0, (end - start) / 1000),
      tests: result.numPassingTests + result.numFailingTests + result.numPendingTests,
      failed: result.numFailingTests > 0 || !!result.testExecError,
    });
  }

  onRunComplete() {
    const wallSeconds = (Date.now() - this.startedAt) / 1000;
    const files = [...this.files].sort((a, b) => b.seconds - a.seconds);
    const sum = files.reduce((total, f) => total + f.seconds, 0);
    const width = Math.max(...files.map((f) => f.file.length), 10);
    const lines = files.map((f) => `  ${f.seconds.toFixed(1).padStart(7)} s  ${f.file.padEnd(width)}  ${String(f.tests).padStart(4)} tests${f.failed ? '  FAILED' : ''}`);
    const load = os.loadavg()[0];
    process.stdout.write(
      `\nTest file durations (slowest first):\n${lines.join('\n')}\n` +
        `Suite: ${files.length} files, ${wallSeconds.toFixed(1)} s wall clock, ${sum.toFixed(1)} s summed over files; ` +
        `load average ${this.loadAtStart.toFixed(1)} at the start, ${load.toFixed(1)} at the end (${os.cpus().length} CPUs)\n`,
    );
    const out = path.join(this.rootDir, 'test-artifacts', 'test-durations.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ finishedAt: new Date().toISOString(), wallSeconds, summedSeconds: sum, loadAverageAtStart: this.loadAtStart, files }, null, 2) + '\n');
  }
}

module.exports = DurationReporter;
