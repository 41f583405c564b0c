import { Injectable } from '@nestjs/common';
import { Principal, ProblemException, unprocessable } from '@gds/http';
import { ResourceLinks } from '../identity/identity.module';
import { Submissions } from './submissions.service';
import { Submission } from './submission.entity';
import { submissionPreviewPage } from './submission-preview-page';

/** Long enough to open the frame, short enough that a leaked link is soon useless. */
const LINK_TTL_SECONDS = 300;
const PURPOSE = 'submission-preview';
const unauthorized = (detail: string) => new ProblemException(401, 'unauthorized', 'Unauthorized', detail);

/**
 * Signed links to one submission's page, for an <iframe> (which cannot send the API's bearer
 * header): identity's ResourceLinks, naming one submission for minutes; on every load the holder's
 * current roles decide again whether they may see it.
 */
@Injectable()
export class SubmissionPreviewLinks {
  constructor(
    private readonly submissions: Submissions,
    private readonly links: ResourceLinks,
  ) {}

  async issue(principal: Principal, submissionId: string): Promise<{ url: string; expiresAt: string }> {
    pageOf(await this.submissions.visible(submissionId, principal));
    const { token, expiresAt } = await this.links.issue(principal, { purpose: PURPOSE, resourceId: submissionId }, LINK_TTL_SECONDS);
    return { url: `/api/v1/submissions/${submissionId}/preview?access=${token}`, expiresAt };
  }

  /** The page behind a link: 401 for a bad or expired token, 404 if the holder may no longer see the submission. */
  async page(token: string | undefined, submissionId: string): Promise<string> {
    if (!token) throw unauthorized('Open this page through a preview link.');
    const holder = await this.links.holder(token, { purpose: PURPOSE, resourceId: submissionId }, 'This preview link is not valid or has expired; open the submission again.');
    return pageOf(await this.submissions.visible(submissionId, holder));
  }
}

function pageOf(submission: Submission): string {
  const answer = (submission.answer ?? {}) as { html?: unknown; css?: unknown };
  if (typeof answer.html !== 'string') throw unprocessable('no-page', 'This submission has no HTML page to preview.');
  return submissionPreviewPage(answer.html, typeof answer.css === 'string' ? answer.css : undefined);
}
