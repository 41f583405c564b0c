import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { AccessTokenVerifier, hasRole } from '@gds/http';
import { QueueRegistry } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { dashboardCredential, isSameOriginChange, QUEUE_DASHBOARD_PATH } from './queue-dashboard-access';

/**
 * bull-board for admins only: every request under /admin/queues must carry an admin's access
 * token, as a bearer header (operators' tools) or as the dashboard cookie that the web app's
 * operations screen obtains for a signed-in admin (see queue-dashboard-access.ts).
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(QueueRegistry);
  const verifier = app.get(AccessTokenVerifier);
  const publicOrigin = app.get(AppConfig).publicOrigin;
  const board = new BoardAdapter();
  createBullBoard({ queues: queues.all().map((q) => new BullMQAdapter(q)), serverAdapter: board });
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  const fastify = app.getHttpAdapter().getInstance();
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
      await scope.register(board.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
    },
  );
}

function refuse(reply: FastifyReply, status: 401 | 403, detail: string) {
  return reply
    .status(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(JSON.stringify({ type: 'about:blank', title: status === 401 ? 'Unauthorized' : 'Forbidden', status, detail }));
}
