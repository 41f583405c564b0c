import { Controller, createParamDecorator, ExecutionContext, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { Roles } from '@gds/http';
import { QueueDashboardSessionView } from './dto/platform.dto';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH, setDashboardCookie } from './queue-dashboard-access';

const SET_COOKIE = {
  'Set-Cookie': { description: `${QUEUE_DASHBOARD_COOKIE}=…; Max-Age=…; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; Secure; SameSite=Strict`, schema: { type: 'string' } },
};

/** The bearer token the guard has verified (admin) for this request: the credential the cookie carries on. */
const VerifiedBearerToken = createParamDecorator((_: unknown, context: ExecutionContext): string =>
  (context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '').slice('Bearer '.length),
);

@ApiTags('operations')
@Controller('admin/queue-dashboard')
export class QueueDashboardSessionController {
  /**
   * The browser cannot add a bearer header to a page it navigates to: this call (made with the
   * header) hands the same access token to the dashboard's path as an HttpOnly cookie, valid as
   * long as the token.
   */
  @Post('session')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the queue dashboard in this browser: sets a cookie for /admin/queues that lasts as long as the access token' })
  @ApiOkResponse({ type: QueueDashboardSessionView, headers: SET_COOKIE })
  open(@VerifiedBearerToken() token: string, @Res({ passthrough: true }) reply: FastifyReply): QueueDashboardSessionView {
    const expiresAt = new Date((decodeJwt(token).exp ?? 0) * 1000);
    setDashboardCookie(reply, token, expiresAt);
    reply.header('cache-control', 'no-store');
    return { url: `${QUEUE_DASHBOARD_PATH}/`, expiresAt: expiresAt.toISOString() };
  }
}
