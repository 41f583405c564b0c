import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from '@nestjs/common';
import { PROBLEM_BASE } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { WEB_APP_CSP } from './web-app-csp';

export const WEB_APP_PREFIX = '/app/';
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The web application (web/dist, built by Vite) under /app/: hashed assets cached for a year,
 * index.html and the service worker revalidated on every visit, brotli/gzip files made at build
 * served as they are, and every other /app/ path answered with index.html so that deep links
 * reach the client router. Nothing outside /app/ is touched, so an unknown /api path stays the
 * API's problem+json 404. Without a build (API-only tests, a server built alone), /app/ is absent.
 */
export async function mountWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  fastify.get('/', (_request, reply) => reply.redirect(WEB_APP_PREFIX, 302));
  const root = path.resolve(config.WEB_APP_DIR);
  const indexFile = path.join(root, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('WebApp').warn(`${indexFile} is missing: /app/ is not served (run \`npm run build\`)`);
    return;
  }
  const indexHtml = readFileSync(indexFile);
  await fastify.register(fastifyStatic, {
    root,
    prefix: WEB_APP_PREFIX,
    // Routes for the files present at start-up; other paths fall through to the client router below.
    wildcard: false,
    preCompressed: true,
    decorateReply: false,
    cacheControl: false,
    dotfiles: 'ignore',
    setHeaders: (reply: FastifyReply, file: string) => setWebAppHeaders(reply, file),
  } as never);
  fastify.get('/app', (_request, reply) => reply.redirect(WEB_APP_PREFIX, 301));
  fastify.get(`${WEB_APP_PREFIX}*`, (request, reply) => {
    // A missing file (an old hashed asset, a typo) is a 404, never the page: a script tag must not get HTML.
    if (path.extname(request.url.split('?')[0])) return missingFile(reply, request.url);
    pageHeaders(reply);
    return reply.type('text/html; charset=utf-8').send(indexHtml);
  });
}

/** A 404 of our own: the generic handler would see the `/app/*` route and call it a 405. */
function missingFile(reply: FastifyReply, url: string) {
  const instance = url.split('?')[0];
  return reply
    .code(404)
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify({ type: `${PROBLEM_BASE}not-found`, title: 'Not found', status: 404, detail: 'No such file in the web app.', instance }));
}

function setWebAppHeaders(reply: FastifyReply, file: string): void {
  if (file.includes(HASHED_ASSETS)) {
    reply.header('cache-control', IMMUTABLE);
    // A hashed file is the same for every page that asks, so it varies by encoding only (@fastify/static
    // adds that). The CORS hook's `Vary: Origin` made the browser's HTTP cache miss whenever the asker
    // differed: the page's module scripts carry an Origin header, the service worker's install does not,
    // so installing downloaded the first screen's 115 KB (brotli) a second time while the person signed
    // in on a 50 KB/s phone (issue 14). The page is same-origin: no CORS answer is needed on these files.
    reply.removeHeader('vary');
    reply.removeHeader('access-control-allow-origin');
    reply.removeHeader('access-control-allow-credentials');
  }
  else if (file.endsWith('.html')) pageHeaders(reply);
  // The service worker and the manifest must be fetched fresh, or an update would never be seen.
  else reply.header('cache-control', 'no-cache');
}

function pageHeaders(reply: FastifyReply): void {
  reply.header('cache-control', 'no-cache');
  reply.header('content-security-policy', WEB_APP_CSP);
}
