import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/load-config';
import { DesignCheckPool } from './design-check-pool.service';

/**
 * The pool runs real worker threads (jsdom + axe): a canary HTTP server on loopback and a named
 * pipe (FIFO) prove that no URL of a page is fetched and no file: URL is opened; time and memory
 * limits end a check with feedback and leave the pool working.
 */
const pools: DesignCheckPool[] = [];
// Generous limits: this machine is shared and often loaded; the limits under test are set per check.
const poolWith = (env: Record<string, string> = {}) => {
  const pool = new DesignCheckPool(loadConfig({ NODE_ENV: 'test', DESIGN_CHECK_TIMEOUT_MS: '180000', ...env }));
  pools.push(pool);
  return pool;
};
afterAll(() => Promise.all(pools.map((p) => p.onModuleDestroy())));

const SMALL_PAGE = '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Hi</h1></main></body></html>';
const HEAVY_PAGE = `<html lang="en"><head><title>t</title></head><body>${'<p>text</p>'.repeat(1990)}</body></html>`;

describe('DesignCheckPool: no network, no files', () => {
  let canary: Server;
  let hits: string[];
  let dir: string;
  let fifo: string;

  beforeAll(async () => {
    hits = [];
    canary = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('body { color: red }');
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    dir = mkdtempSync(path.join(tmpdir(), 'gds-design-'));
    fifo = path.join(dir, 'secret.css');
    execFileSync('mkfifo', [fifo]);
  });

  afterAll(async () => {
    await new Promise((resolve) => canary.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  /** True once anyone has the FIFO open for reading (an open for writing without a reader fails with ENXIO). */
  function fifoOpenedForReading(): boolean {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      return true;
    } catch {
      return false;
    }
  }

  it('fetches no URL and opens no file: @import, links, images, frames, objects, fonts, backgrounds', async () => {
    const base = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
    const file = `file://${fifo}`;
    const html = `<!doctype html><html lang="en"><head><title>t</title>
      <style>@import url('${base}/import.css'); @import url('${file}'); @font-face { font-family: x; src: url('${base}/font.woff'); } body { background: url('${base}/bg.png'); }</style>
      <link rel="stylesheet" href="${base}/link.css"><link rel="stylesheet" href="${file}"><link rel="preload" href="${base}/preload.js" as="script">
      <script src="${base}/script.js"></script></head>
      <body><main><h1>x</h1><img src="${base}/img.png" alt="x"><img src="${file}" alt="y"><iframe title="a" src="${base}/frame.html"></iframe><iframe title="b" src="${file}"></iframe>
      <object data="${base}/object.svg"></object><video poster="${base}/poster.png"></video><form action="${base}/form"><button>Go</button></form></main></body></html>`;
    let opened = false;
    const watcher = setInterval(() => (opened ||= fifoOpenedForReading()), 10);
    try {
      const result = await poolWith().check({ html, css: `@import url('${base}/css-field.css'); @import url('${file}');`, requiredSelectors: [{ selector: 'main h1', message: 'Add a heading.' }] });
      expect(result.ok).toBe(true);
    } finally {
      clearInterval(watcher);
    }
    opened ||= fifoOpenedForReading();
    expect({ hits, opened }).toEqual({ hits: [], opened: false });
  }, 300_000);
});

describe('DesignCheckPool: limits', () => {
  it('stops a check past the time limit with feedback, then checks the next page on a new thread', async () => {
    const pool = poolWith();
    const [slow, next] = await Promise.all([
      pool.check({ html: HEAVY_PAGE, requiredSelectors: [] }, { timeoutMs: 1000 }),
      pool.check({ html: SMALL_PAGE, requiredSelectors: [] }),
    ]);
    expect(slow).toEqual({ ok: false, message: 'The page could not be checked within 1 s; make it smaller or simpler.' });
    expect(next).toEqual({ ok: true, findings: [] });
  }, 300_000);

  it('stops a check that needs more memory than its thread may have, with feedback', async () => {
    const pool = poolWith({ DESIGN_CHECK_MEMORY_MB: '64' });
    const wide = `<html lang="en"><head><title>t</title></head><body>${`<p title="${'x'.repeat(100)}">${'y'.repeat(100)}</p>`.repeat(1900)}</body></html>`;
    const result = await pool.check({ html: wide, css: `p { margin: 1px }\n`.repeat(2000), requiredSelectors: [] });
    expect(result).toEqual({ ok: false, message: 'The page needs more than 64 MB to check; make it smaller.' });
  }, 300_000);

  it('answers in order however many checks wait, with at most the configured threads', async () => {
    const pool = poolWith({ DESIGN_CHECK_THREADS: '2' });
    const results = await Promise.all(Array.from({ length: 6 }, () => pool.check({ html: SMALL_PAGE, requiredSelectors: [{ selector: 'nav', message: 'Add a nav.' }] })));
    expect(results).toEqual(Array.from({ length: 6 }, () => ({ ok: true, findings: [{ kind: 'structure', message: 'Add a nav.' }] })));
  }, 300_000);
});
