import { CookieJar } from 'tough-cookie';
import type { HttpAnswer } from '@gds/testing';

export interface BrowserAnswer<T = any> extends HttpAnswer<T> {
  setCookies: string[];
}

/**
 * A browser as the web app runs in it: one cookie jar (RFC 6265: Path, Max-Age, Secure on
 * loopback, SameSite) shared by its tabs; every call of the app carries the app's origin and the
 * X-GDS-Client header, as the generated client in web/ does.
 */
export class Browser {
  readonly jar = new CookieJar();

  constructor(
    readonly baseUrl: string,
    /** The origin the app's pages are served from (PUBLIC_BASE_URL's). */
    readonly origin: string,
  ) {}

  tab(): BrowserTab {
    return new BrowserTab(this);
  }

  async request<T = any>(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<BrowserAnswer<T>> {
    const url = this.baseUrl + path;
    const headers: Record<string, string> = { origin: this.origin, 'x-gds-client': 'web', ...options.headers };
    const cookie = await this.jar.getCookieString(url, { sameSiteContext: 'strict' });
    if (cookie) headers.cookie = cookie;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const setCookies = response.headers.getSetCookie();
    for (const header of setCookies) await this.jar.setCookie(header, url, { sameSiteContext: 'strict' });
    const text = await response.text();
    const body = /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: body as T, text, setCookies };
  }

  /** The refresh cookie the jar would send to the auth routes (undefined once cleared or expired). */
  async refreshCookie(): Promise<string | undefined> {
    const cookies = await this.jar.getCookies(`${this.baseUrl}/api/v1/auth/web/refresh`, { sameSiteContext: 'strict' });
    return cookies.find((c) => c.key === 'gds_refresh')?.value;
  }
}

/** One tab of the web app: its access token lives in memory only, so a reload loses it. */
export class BrowserTab {
  accessToken: string | undefined;

  constructor(readonly browser: Browser) {}

  async signIn(email: string, password: string): Promise<BrowserAnswer> {
    return this.keep(await this.browser.request('POST', '/api/v1/auth/web/login', { body: { email, password } }));
  }

  async refresh(): Promise<BrowserAnswer> {
    return this.keep(await this.browser.request('POST', '/api/v1/auth/web/refresh'));
  }

  signOut(): Promise<BrowserAnswer> {
    return this.browser.request('POST', '/api/v1/auth/web/logout');
  }

  reload(): this {
    this.accessToken = undefined;
    return this;
  }

  get(path: string): Promise<BrowserAnswer> {
    return this.browser.request('GET', path, { token: this.accessToken });
  }

  private keep(answer: BrowserAnswer): BrowserAnswer {
    if (answer.status === 200) this.accessToken = answer.body.accessToken;
    return answer;
  }
}
