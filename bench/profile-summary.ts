import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Summarises V8 .cpuprofile files (written by `--cpu-prof`, e.g. BENCH_APP_NODE_ARGS='--cpu-prof
 * --cpu-prof-dir=/tmp/prof' npm run bench -- me): where the CPU went, grouped by package (Nest,
 * Fastify, TypeORM, logging, helmet, validation, nestjs-cls, pg, our code ...), self and inclusive,
 * and the top functions by self and by inclusive time.
 *
 *   npm run bench:profile -- /tmp/prof [--busiest 20] [--top 15]
 *
 * Arguments are .cpuprofile files or directories of them. `--busiest S` keeps only the S seconds
 * with the most non-idle samples: a profile covers the whole process life (start-up, the scenario's
 * seeding, the baseline's rounds while the app idles), and the measured round is where it is busiest.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Package groups, first match wins; anything else under node_modules is named by its package. */
const GROUPS: Array<[string, RegExp]> = [
  ['nest', /node_modules\/@nestjs\/(core|common|platform-fastify|swagger)\//],
  ['nestjs-cls', /node_modules\/(nestjs-cls|@nestjs-cls\/[^/]+)\//],
  ['typeorm', /node_modules\/(typeorm|@nestjs\/typeorm)\//],
  ['logging (pino)', /node_modules\/(pino|pino-http|nestjs-pino|sonic-boom|fast-redact|pino-std-serializers|thread-stream|on-exit-leak-free|fast-safe-stringify)\//],
  ['helmet', /node_modules\/(@fastify\/helmet|helmet)\//],
  ['validation', /node_modules\/(class-validator|class-transformer|validator)\//],
  ['pg', /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|buffer-writer|packet-reader)\//],
  ['fastify', /node_modules\/(fastify|find-my-way|avvio|light-my-request|fast-json-stringify|@fastify\/[^/]+|fast-querystring|content-type|secure-json-parse)\//],
  ['jose (JWT)', /node_modules\/jose\//],
  ['markdown (marked, sanitize-html)', /node_modules\/(marked|sanitize-html|htmlparser2|domhandler|domutils|entities|parse-srcset|postcss|dom-serializer|deepmerge|escape-string-regexp|is-plain-object)\//],
  ['prom-client', /node_modules\/(prom-client|tdigest|bintrees)\//],
  ['our code', /\/(dist\/)?(src|libs|bench)\//],
  ['node core', /^node:/],
];

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

function groupOf(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName)) return frame.functionName;
  for (const [name, pattern] of GROUPS) if (pattern.test(frame.url)) return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(frame.url);
  if (pkg) return pkg[1];
  return frame.url ? 'other' : '(native)';
}

function functionLabel(frame: CallFrame): string {
  const file = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(dist\/)?/, '');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** Each sample's duration (ms) and leaf node; the first delta is the gap since profiling started. */
function samplesOf(profile: CpuProfile): Array<{ at: number; ms: number; leaf: number }> {
  const out: Array<{ at: number; ms: number; leaf: number }> = [];
  let at = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] / 1000;
    const next = profile.timeDeltas[i + 1];
    out.push({ at, ms: next !== undefined ? next / 1000 : 0, leaf: profile.samples[i] });
  }
  return out;
}

/** The window of `seconds` with the most non-idle time. */
function busiest<T extends { at: number; ms: number; idle: boolean }>(samples: T[], seconds: number): T[] {
  const width = seconds * 1000;
  let best = { from: 0, to: 0, busy: -1 };
  let from = 0;
  let busy = 0;
  for (let to = 0; to < samples.length; to++) {
    if (!samples[to].idle) busy += samples[to].ms;
    while (samples[to].at - samples[from].at > width) {
      if (!samples[from].idle) busy -= samples[from].ms;
      from++;
    }
    if (busy > best.busy) best = { from, to, busy };
  }
  return samples.slice(best.from, best.to + 1);
}

function stackOf(leaf: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): CallFrame[] {
  const frames: CallFrame[] = [];
  for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) frames.push(byId.get(id)!.callFrame);
  return frames;
}

const pct = (part: number, whole: number) => (whole ? ((100 * part) / whole).toFixed(1).padStart(5) + ' %' : '    —');
const ms = (value: number) => `${Math.round(value)} ms`.padStart(9);

function summarise(file: string, options: { busiest?: number; top: number }): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  let samples = samplesOf(profile).map((s) => ({ ...s, idle: byId.get(s.leaf)!.callFrame.functionName === '(idle)' }));
  const wholeSeconds = (profile.endTime - profile.startTime) / 1e6;
  if (options.busiest) {
    // Start-up (loading modules) keeps the CPU busier than any measured round; the window is looked for after the first request.
    const firstRequest = samples.findIndex((s) => stackOf(s.leaf, byId, parent).some((frame) => frame.functionName === 'routeHandler' && /node_modules\/fastify\//.test(frame.url)));
    samples = busiest(firstRequest >= 0 ? samples.slice(firstRequest) : samples, options.busiest);
  }

  const selfByGroup = new Map<string, number>();
  const inclusiveByGroup = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveByFunction = new Map<string, number>();
  let active = 0;
  const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
  for (const sample of samples) {
    if (sample.idle) continue;
    active += sample.ms;
    const leaf = byId.get(sample.leaf)!;
    add(selfByGroup, groupOf(leaf.callFrame), sample.ms);
    add(selfByFunction, `[${groupOf(leaf.callFrame)}] ${functionLabel(leaf.callFrame)}`, sample.ms);
    const groups = new Set<string>();
    const functions = new Set<string>();
    for (const frame of stackOf(sample.leaf, byId, parent)) {
      if (SPECIAL.has(frame.functionName)) continue;
      groups.add(groupOf(frame));
      functions.add(`[${groupOf(frame)}] ${functionLabel(frame)}`);
    }
    for (const group of groups) add(inclusiveByGroup, group, sample.ms);
    for (const fn of functions) add(inclusiveByFunction, fn, sample.ms);
  }
  const span = samples.length ? (samples[samples.length - 1].at - samples[0].at) / 1000 : 0;
  console.log(`\n## ${basename(file)}`);
  console.log(
    `${options.busiest ? `busiest ${span.toFixed(1)} s of ${wholeSeconds.toFixed(1)} s` : `${wholeSeconds.toFixed(1)} s`}: ` +
      `${Math.round(active)} ms on the CPU (${pct(active, span * 1000).trim()} of the window), percentages below are of that CPU time\n`,
  );
  console.log('| package | self | self % | inclusive % |\n| --- | ---: | ---: | ---: |');
  for (const [group, self] of [...selfByGroup].sort((a, b) => b[1] - a[1])) {
    console.log(`| ${group} | ${ms(self)} | ${pct(self, active)} | ${inclusiveByGroup.has(group) ? pct(inclusiveByGroup.get(group)!, active) : '    —'} |`);
  }
  const table = (title: string, map: Map<string, number>, skip: (key: string) => boolean) => {
    console.log(`\n${title}\n`);
    for (const [fn, value] of [...map].filter(([key]) => !skip(key)).sort((a, b) => b[1] - a[1]).slice(0, options.top)) {
      console.log(`${pct(value, active)}  ${fn}`);
    }
  };
  table(`Top ${options.top} functions by self time`, selfByFunction, () => false);
  // Entry points (node core's process ticks, timers) contain everything; they say nothing.
  table(`Top ${options.top} functions by inclusive time (node core left out)`, inclusiveByFunction, (key) => key.startsWith('[node core]') || key.startsWith('[(native)]'));
}

function profilesIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(path, name))
    .sort();
}

function main(args: string[]): void {
  const options = { busiest: undefined as number | undefined, top: 15 };
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--busiest') options.busiest = Number(args[++i]);
    else if (args[i] === '--top') options.top = Number(args[++i]);
    else paths.push(args[i]);
  }
  if (paths.length === 0 || (options.busiest !== undefined && !(options.busiest > 0)) || !(options.top > 0)) {
    console.error('usage: profile-summary <file.cpuprofile | directory> ... [--busiest seconds] [--top n]');
    process.exit(2);
  }
  for (const path of paths) for (const file of profilesIn(path)) summarise(file, options);
}

main(process.argv.slice(2));
