import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type * as boardApi from '@bull-board/api';
import type * as boardQueues from '@bull-board/api/bullMQAdapter';
import type * as boardFastify from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import { AccessTokenVerifier, hasRole, PROBLEM_BASE } from '@gds/http';
import { QueueRegistry } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { dashboardCredential, isSameOriginChange, QUEUE_DASHBOARD_PATH } from './queue-dashboard-access';

/**
 * bull-board for admins only: every request under /admin/queues must carry an admin's access
 * token, as a bearer header (operators' tools) or as the dashboard cookie that the web app's
 * operations screen obtains for a signed-in admin (see queue-dashboard-access.ts).
 *
 * bull-board itself (its packages, its views, its static files and its routes' schemas) is built on
 * the first admitted request, in a Fastify instance of its own that this scope forwards to, and then
 * kept: the api's start does not pay for a page few people open (issue 23.6: start-up time). The
 * admin check above runs before anything is forwarded.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(QueueRegistry);
  const verifier = app.get(AccessTokenVerifier);
  const publicOrigin = app.get(AppConfig).publicOrigin;
  const fastify = app.getHttpAdapter().getInstance();
  let board: Promise<FastifyInstance> | undefined;
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    board ??= buildBoard(queues.all(), fastify.initialConfig.bodyLimit).catch((error: unknown) => {
      board = undefined;
      throw error;
    });
    return forwardTo(await board, request, reply);
  };
  fastify.addHook('onClose', async () => {
    await (await board?.catch(() => undefined))?.close();
  });
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        const credential = dashboardCredential(request);
        const principal = credential ? await verifier.verify(credential.token).catch(() => undefined) : undefined;
        if (!hasRole(principal, 'admin')) return refuse(reply, principal ? 403 : 401, 'The queue dashboard is for admins.');
        if (credential?.via === 'cookie' && !isSameOriginChange(request, publicOrigin)) {
          return refuse(reply, 403, 'Changes on the queue dashboard come only from its own pages.');
        }
      });
      scope.all(QUEUE_DASHBOARD_PATH, forward);
      scope.all(`${QUEUE_DASHBOARD_PATH}/*`, forward);
    },
  );
}

/** Marks the board instance's own 404 (no such page or file), which the api answers as a problem+json 404. */
const UNMATCHED = 'x-queue-dashboard-unmatched';
/** Headers of the board's answer that belong to its own (injected) connection, not to the client's. */
const CONNECTION_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

async function buildBoard(queues: Queue[], bodyLimit: number | undefined): Promise<FastifyInstance> {
  /* eslint-disable @typescript-eslint/no-require-imports -- deliberately lazy; typed by the modules' own types */
  const { createBullBoard } = require('@bull-board/api') as typeof boardApi;
  const { BullMQAdapter } = require('@bull-board/api/bullMQAdapter') as typeof boardQueues;
  const { FastifyAdapter: BoardAdapter } = require('@bull-board/fastify') as typeof boardFastify;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const adapter = new BoardAdapter();
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter });
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const instance = Fastify({ bodyLimit });
  instance.setNotFoundHandler((_request, reply) => reply.code(404).header(UNMATCHED, '1').send());
  await instance.register(adapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  await instance.ready();
  return instance;
}

/** The request as the board instance sees it (the body the api already parsed, sent on as JSON), and its answer as the client's. */
async function forwardTo(board: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const headers = { ...request.headers };
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  const body = request.body;
  const payload = body === undefined || body === null ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const answer = await board.inject({ method: request.method as never, url: request.url, headers, payload });
  if (answer.headers[UNMATCHED]) {
    // Our own 404: the api's generic handler would see the /admin/queues/* route and call it a 405.
    return reply
      .code(404)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(JSON.stringify({ type: `${PROBLEM_BASE}not-found`, title: 'Not found', status: 404, detail: 'No such page of the queue dashboard.', instance: request.url.split('?')[0], requestId: String(request.id) }));
  }
  reply.status(answer.statusCode);
  for (const [name, value] of Object.entries(answer.headers)) {
    if (!CONNECTION_HEADERS.has(name) && value !== undefined) reply.header(name, value);
  }
  return reply.send(answer.rawPayload);
}

function refuse(reply: FastifyReply, status: 401 | 403, detail: string) {
  return reply
    .status(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(JSON.stringify({ type: 'about:blank', title: status === 401 ? 'Unauthorized' : 'Forbidden', status, detail }));
}
