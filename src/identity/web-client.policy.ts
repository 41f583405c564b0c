import { Injectable } from '@nestjs/common';
import { ProblemException } from '@gds/http';
import { AppConfig } from '../config/app-config';

/** The header every call of the web app to a cookie-mode route carries. */
export const WEB_CLIENT_HEADER = 'x-gds-client';
export const WEB_CLIENT_VALUE = 'web';

type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * Cookie-mode routes act on the cookie the browser attaches by itself, so they must be sure the
 * web app's own page is calling (no cross-site request forgery):
 *  - a custom header (`X-GDS-Client: web`), which an HTML form cannot send and a cross-origin
 *    script can send only after a CORS preflight that this API never grants with credentials;
 *  - an `Origin` equal to the origin of PUBLIC_BASE_URL (browsers send it on every POST), which
 *    also shuts out sibling sub-domains that SameSite treats as the same site;
 *  - `Sec-Fetch-Site`, when the browser sends it, must say `same-origin`.
 * CORS_ORIGINS are deliberately not accepted here: they are for partners' token-based calls, which
 * never carry a user's cookie (see README, "Browser sessions").
 */
@Injectable()
export class WebClientPolicy {
  private readonly origin: string;

  constructor(config: AppConfig) {
    this.origin = config.publicOrigin;
  }

  assertFromWebApp(headers: RequestHeaders): void {
    if (headers[WEB_CLIENT_HEADER] !== WEB_CLIENT_VALUE) {
      throw new ProblemException(403, 'web-client-header-required', 'Forbidden', 'Browser session routes need the header X-GDS-Client: web.');
    }
    const site = headers['sec-fetch-site'];
    if (headers.origin !== this.origin || (site !== undefined && site !== 'same-origin')) {
      throw new ProblemException(403, 'cross-origin-request', 'Forbidden', 'Browser session routes answer only pages of this site (same origin).');
    }
  }
}
