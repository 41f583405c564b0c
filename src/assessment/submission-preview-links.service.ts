import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { Principal, ProblemException, unprocessable } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { UserDirectory } from '../identity/identity.module';
import { Submissions } from './submissions.service';
import { Submission } from './submission.entity';
import { submissionPreviewPage } from './submission-preview-page';

const ALGORITHM = 'HS256';
/** Long enough to open the frame, short enough that a leaked link is soon useless. */
const LINK_TTL_SECONDS = 300;
const unauthorized = (detail: string) => new ProblemException(401, 'unauthorized', 'Unauthorized', detail);

/**
 * Signed links to one submission's page, for an <iframe> (which cannot send the API's bearer
 * header). The token has its own audience (never an API token), names one submission, lives
 * minutes; on every load the holder's current roles decide again whether they may see it.
 */
@Injectable()
export class SubmissionPreviewLinks {
  private readonly key: Uint8Array;

  constructor(
    private readonly config: AppConfig,
    private readonly submissions: Submissions,
    private readonly directory: UserDirectory,
  ) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  private get audience(): string {
    return `${this.config.JWT_AUDIENCE}:submission-preview`;
  }

  async issue(principal: Principal, submissionId: string): Promise<{ url: string; expiresAt: string }> {
    pageOf(await this.submissions.visible(submissionId, principal));
    const token = await new SignJWT({ submission: submissionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(`${LINK_TTL_SECONDS}s`)
      .sign(this.key);
    return { url: `/api/v1/submissions/${submissionId}/preview?access=${token}`, expiresAt: new Date(Date.now() + LINK_TTL_SECONDS * 1000).toISOString() };
  }

  /** The page behind a link: 401 for a bad or expired token, 404 if the holder may no longer see the submission. */
  async page(token: string | undefined, submissionId: string): Promise<string> {
    if (!token) throw unauthorized('Open this page through a preview link.');
    return pageOf(await this.submissions.visible(submissionId, await this.holder(token, submissionId)));
  }

  private async holder(token: string, submissionId: string): Promise<Principal> {
    let userId: string;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: this.config.JWT_ISSUER,
        audience: this.audience,
        requiredClaims: ['sub', 'exp', 'submission'],
      });
      if (payload.submission !== submissionId) throw new Error('another submission');
      userId = payload.sub as string;
    } catch {
      throw unauthorized('This preview link is not valid or has expired; open the submission again.');
    }
    const person = await this.directory.findById(userId);
    if (!person?.active) throw unauthorized('This account is not active.');
    return { userId, roles: person.roles };
  }
}

function pageOf(submission: Submission): string {
  const answer = (submission.answer ?? {}) as { html?: unknown; css?: unknown };
  if (typeof answer.html !== 'string') throw unprocessable('no-page', 'This submission has no HTML page to preview.');
  return submissionPreviewPage(answer.html, typeof answer.css === 'string' ? answer.css : undefined);
}
