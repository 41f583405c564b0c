import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { hash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * CPU per answer of each step of the api's response encoding, on real answer bodies:
 *
 *   ENDPOINT_CPU_DUMP=/tmp/bodies node dist/bench/load/endpoint-cpu.js   # writes the bodies
 *   node dist/bench/response-encoding-cost.js /tmp/bodies
 *
 * For each body: its size; the ETag hash (SHA-1 as @fastify/etag's default, MD5, FNV-1a in JS as
 * the plugin's other choice); brotli at qualities 1–5 (window 2^18, as the api; with and without
 * BROTLI_PARAM_SIZE_HINT) and gzip at levels
 * 1, 4 and 6 (zlib's default): µs of CPU per call (process.cpuUsage over a fixed number of calls,
 * median of 5 rounds) and the encoded size. The sync calls are the ones @fastify/compress makes
 * for a buffered answer below its syncThreshold, which every JSON answer of the api is.
 */
const ROUNDS = 5;

function cpuMicros(calls: number, fn: () => unknown): number {
  const results: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) fn();
    const used = process.cpuUsage(start);
    results.push((used.user + used.system) / calls);
  }
  return results.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

/** @fastify/etag's FNV-1a (32-bit over UTF-16 code units of a string, bytes of a buffer). */
function fnv1a(payload: Buffer): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < payload.length; i++) {
    h ^= payload[i];
    h += (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24);
  }
  return h >>> 0;
}

/** Brotli in text mode with a 2^18 window, as the api; `hint` also tells the encoder the input's size. */
const brotli = (quality: number, hint: boolean) => (body: Buffer) =>
  brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: 18,
      ...(hint ? { [constants.BROTLI_PARAM_SIZE_HINT]: body.length } : {}),
    },
  });
const gzip = (level: number) => (body: Buffer) => gzipSync(body, { level });

const ENCODERS: Array<[string, (body: Buffer) => Buffer]> = [
  ['br q4', brotli(4, false)], ['br q4 hint', brotli(4, true)], ['br q1 hint', brotli(1, true)], ['br q2 hint', brotli(2, true)],
  ['br q3 hint', brotli(3, true)], ['br q5 hint', brotli(5, true)], ['gzip 1', gzip(1)], ['gzip 4', gzip(4)], ['gzip 6', gzip(6)],
];

function main(): void {
  const dir = process.argv[2] ?? join(tmpdir(), 'bodies');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  // A synthetic larger answer too (a long list): the cost per KB where compression clearly pays.
  const bodies: Array<[string, Buffer]> = files.map((f) => [f.replace(/\.json$/, ''), readFileSync(join(dir, f))]);
  const largest = bodies.reduce((a, b) => (b[1].length > a[1].length ? b : a), bodies[0]);
  if (largest) bodies.push([`${largest[0]} ×8 (a list)`, Buffer.from(`[${Array.from({ length: 8 }, () => largest[1].toString()).join(',')}]`)]);
  console.log(`| body | bytes | sha1 µs | md5 µs | fnv1a µs | ${ENCODERS.map(([n]) => `${n} µs / bytes`).join(' | ')} |`);
  console.log(`| --- | ---: | ---: | ---: | ---: | ${ENCODERS.map(() => '---:').join(' | ')} |`);
  for (const [name, body] of bodies) {
    const calls = Math.max(200, Math.round(400_000 / Math.max(body.length, 100)));
    const sha1 = cpuMicros(calls * 10, () => hash('sha1', body, 'base64'));
    const md5 = cpuMicros(calls * 10, () => hash('md5', body, 'base64'));
    const fnv = cpuMicros(calls * 10, () => fnv1a(body));
    const cells = ENCODERS.map(([, encode]) => `${cpuMicros(calls, () => encode(body)).toFixed(1)} / ${encode(body).length}`);
    console.log(`| ${name} | ${body.length} | ${sha1.toFixed(2)} | ${md5.toFixed(2)} | ${fnv.toFixed(2)} | ${cells.join(' | ')} |`);
  }
}

main();
