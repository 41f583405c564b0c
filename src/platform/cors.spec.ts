import Fastify, { FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import { isPublicCorsPath } from './cors-policies';
import { CorsPolicy, registerCors } from './cors';

// The api's two policies, as http-app.ts passes them, and as it gave them to @fastify/cors before.
const PUBLIC: CorsPolicy = { origin: '*', methods: 'GET, HEAD, POST', allowedHeaders: 'Content-Type, Accept', maxAge: 600 };
const PLUGIN_PUBLIC = { origin: '*', credentials: false, methods: ['GET', 'HEAD', 'POST'], allowedHeaders: ['Content-Type', 'Accept'], maxAge: 600 };

function routes(app: FastifyInstance): FastifyInstance {
  app.get('/api/v1/me', async () => ({ me: true }));
  app.post('/api/v1/me', async () => ({ posted: true }));
  app.get('/.well-known/jwks.json', async () => ({ keys: [] }));
  app.get('/api/v1/skills/:code', async () => ({ skill: true }));
  return app;
}

async function withPlugin(origins: string[]): Promise<FastifyInstance> {
  const app = Fastify();
  const configured = { origin: origins.length ? origins : false, credentials: false };
  await app.register(cors, {
    delegator: (request: { url?: string }, callback: (error: Error | null, options: object) => void) =>
      callback(null, isPublicCorsPath(request.url ?? '') ? PLUGIN_PUBLIC : configured),
  } as never);
  return routes(app);
}

function withOurs(origins: string[]): FastifyInstance {
  const app = Fastify();
  registerCors(app, { origin: origins.length ? origins : false, methods: 'GET,HEAD,POST' }, PUBLIC, isPublicCorsPath);
  return routes(app);
}

const paths = ['/api/v1/me', '/.well-known/jwks.json', '/api/v1/skills/CLD-LNX-01', '/api/v1/skills/CLD-LNX-01?x=1', '/api/v1/nowhere', '/verify/abc'];
const origins = [undefined, 'https://app.example', 'https://other.example'];
const asks = [
  {},
  { 'access-control-request-method': 'POST' },
  { 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'content-type, authorization' },
];

function view(answer: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => name.startsWith('access-control-') || ['vary', 'content-type', 'content-length'].includes(name)));
  return { status: answer.statusCode, body: answer.body, headers };
}

describe('CORS (registerCors) answers as @fastify/cors did', () => {
  it.each([[[]], [['https://app.example', 'https://b.example']], [['*']]])('with CORS_ORIGINS %j: same status, body and CORS headers on every request', async (configured: string[]) => {
    const [plugin, ours] = [await withPlugin(configured), withOurs(configured)];
    let compared = 0;
    for (const method of ['GET', 'POST', 'OPTIONS'] as const) {
      for (const url of paths) {
        for (const origin of origins) {
          for (const ask of method === 'OPTIONS' ? asks : [{}]) {
            const request = { method, url, headers: { ...(origin ? { origin } : {}), ...ask } };
            const [expected, actual] = [await plugin.inject(request), await ours.inject(request)];
            expect({ request, ...view(actual) }).toEqual({ request, ...view(expected) });
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(2 * paths.length * origins.length + paths.length * origins.length * asks.length);
    await Promise.all([plugin.close(), ours.close()]);
  });

  it('allows a listed origin and only that one on private paths, any origin on public documents', async () => {
    const ours = withOurs(['https://app.example']);
    const listed = await ours.inject({ url: '/api/v1/me', headers: { origin: 'https://app.example' } });
    const other = await ours.inject({ url: '/api/v1/me', headers: { origin: 'https://other.example' } });
    const document = await ours.inject({ url: '/.well-known/jwks.json', headers: { origin: 'https://other.example' } });
    expect([listed.headers['access-control-allow-origin'], other.headers['access-control-allow-origin'], document.headers['access-control-allow-origin']]).toEqual(['https://app.example', undefined, '*']);
    expect(listed.headers.vary).toBe('Origin');
    await ours.close();
  });
});
