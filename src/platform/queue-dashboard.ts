import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { AccessTokenVerifier, hasRole } from '@gds/http';
import { QueueRegistry } from '@gds/queue';

const BASE_PATH = '/admin/queues';

/**
 * bull-board for admins only: every request under /admin/queues must carry an admin's bearer
 * token (the dashboard is an operator's tool, reached with a header-injecting proxy or browser extension).
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(QueueRegistry);
  const verifier = app.get(AccessTokenVerifier);
  const board = new BoardAdapter();
  createBullBoard({ queues: queues.all().map((q) => new BullMQAdapter(q)), serverAdapter: board });
  board.setBasePath(BASE_PATH);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        const header = request.headers.authorization ?? '';
        const token = header.startsWith('Bearer ') ? header.slice(7) : '';
        const principal = token ? await verifier.verify(token).catch(() => undefined) : undefined;
        if (!hasRole(principal, 'admin')) {
          const status = principal ? 403 : 401;
          return reply
            .status(status)
            .header('content-type', 'application/problem+json; charset=utf-8')
            .send(JSON.stringify({ type: 'about:blank', title: status === 401 ? 'Unauthorized' : 'Forbidden', status, detail: 'The queue dashboard is for admins.' }));
        }
      });
      await scope.register(board.registerPlugin() as never, { prefix: BASE_PATH });
    },
  );
}
