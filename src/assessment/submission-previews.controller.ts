import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiText, Authenticated, CurrentPrincipal, Principal, Public, UuidParam } from '@gds/http';
import { SubmissionPreviewLinks } from './submission-preview-links.service';
import { SubmissionPreviewLinkView, SubmissionPreviewQuery } from './dto/submission-preview.dto';
import { SUBMISSION_PREVIEW_CSP } from './submission-preview-page';

/**
 * A submitted page with its own CSS, for its reviewer: the web app's policy would apply inside a
 * srcdoc frame and refuse the page's styles, so the page is served from its own URL with its own
 * policy (sandboxed, no script, nothing loaded) and framed there.
 */
@ApiTags('assessments')
@Controller()
export class SubmissionPreviewsController {
  constructor(private readonly links: SubmissionPreviewLinks) {}

  @Post('submissions/:id/preview-link')
  @Authenticated()
  @HttpCode(201)
  @ApiOperation({
    summary: 'A short-lived signed link to the submitted page with its CSS, for a sandboxed frame (its trainee, the cohort’s instructors, admins)',
    description: 'Problems: 404 no such submission, or not yours; 422 no-page (the submission has no HTML).',
  })
  @ApiCreatedResponse({ type: SubmissionPreviewLinkView })
  @ApiProblems(404, 422)
  link(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<SubmissionPreviewLinkView> {
    return this.links.issue(principal, id);
  }

  @Get('submissions/:id/preview')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  @Header('referrer-policy', 'no-referrer')
  @Header('x-content-type-options', 'nosniff')
  @Header('content-security-policy', SUBMISSION_PREVIEW_CSP)
  @ApiOperation({ summary: 'The submitted page with its CSS under a sandboxing policy that runs no script (signed link from preview-link)' })
  @ApiText('text/html', 'The submitted page')
  @ApiProblems(400, 401, 404, 422)
  page(@Param('id', UuidParam()) id: string, @Query() query: SubmissionPreviewQuery): Promise<string> {
    return this.links.page(query.access, id);
  }
}
