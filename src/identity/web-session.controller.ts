import { Body, Controller, Headers, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { ApiProblems, Public, ProblemException } from '@gds/http';
import { AuthService, Session } from './auth.service';
import { LoginDto } from './dto/auth.dto';
import { WebSessionView, WebSignOutView } from './dto/web-session.dto';
import { clearRefreshCookie, REFRESH_COOKIE, RefreshCookie, setRefreshCookie } from './refresh-cookie';
import { WebClientPolicy } from './web-client.policy';

type RequestHeaders = Record<string, string | undefined>;

const SET_COOKIE = { 'Set-Cookie': { description: `${REFRESH_COOKIE}=…; Max-Age=…; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict`, schema: { type: 'string' } } };
const WEB_HEADER = ApiHeader({ name: 'X-GDS-Client', required: true, enum: ['web'], description: 'Required; with a same-origin Origin (403 otherwise)' });
const noCookie = () => new ProblemException(401, 'invalid-refresh-token', 'Unauthorized', 'There is no browser session: sign in.');

/**
 * Browser sessions (the web app at /app/): the refresh token lives in an HttpOnly cookie scoped to
 * /api/v1/auth, the access token in the page's memory. The origin check runs first in each handler,
 * after validation (a guard would run before it and answer 403 to malformed bodies too).
 */
@ApiTags('auth')
@Controller('auth/web')
export class WebSessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly webClient: WebClientPolicy,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @WEB_HEADER
  @ApiOperation({ summary: 'Browser sign-in: sets the refresh cookie, answers the access token and who signed in (rate limited)' })
  @ApiOkResponse({ type: WebSessionView, headers: SET_COOKIE })
  @ApiProblems(400, 401, 403, 429)
  async login(@Headers() headers: RequestHeaders, @Body() body: LoginDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<WebSessionView> {
    this.webClient.assertFromWebApp(headers);
    return this.answer(reply, await this.auth.login(body.email, body.password));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @WEB_HEADER
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({ summary: 'Browser refresh (after a reload, or before the access token expires): rotates the cookie; tabs refreshing at once get the same session' })
  @ApiOkResponse({ type: WebSessionView, headers: SET_COOKIE })
  @ApiProblems(401, 403)
  async refresh(@Headers() headers: RequestHeaders, @RefreshCookie() token: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<WebSessionView> {
    this.webClient.assertFromWebApp(headers);
    noStore(reply);
    try {
      if (!token) throw noCookie();
      return this.answer(reply, await this.auth.refresh(token));
    } catch (error) {
      // A refused cookie is dead for good (expired, revoked, forged): the browser should drop it.
      clearRefreshCookie(reply);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(200)
  @WEB_HEADER
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({ summary: 'Browser sign-out: ends the session of the cookie (its access tokens too) and clears the cookie' })
  @ApiOkResponse({ type: WebSignOutView })
  @ApiProblems(403)
  async logout(@Headers() headers: RequestHeaders, @RefreshCookie() token: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<WebSignOutView> {
    this.webClient.assertFromWebApp(headers);
    noStore(reply);
    const ended = token ? await this.auth.endSession(token) : false;
    clearRefreshCookie(reply);
    return { ended };
  }

  private answer(reply: FastifyReply, session: Session): WebSessionView {
    noStore(reply);
    setRefreshCookie(reply, session.refreshToken, session.refreshExpiresAt);
    return WebSessionView.of(session);
  }
}

/** Answers that carry tokens are never stored by a browser or proxy cache. */
function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}
