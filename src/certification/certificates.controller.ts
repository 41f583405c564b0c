import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { decodeJwt } from 'jose';
import { Authenticated, CurrentPrincipal, Page, PageQuery, Principal, Public, Roles, UuidParam } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { CertificatesService } from './certificates.service';
import { CertificatePdf } from './certificate-pdf.service';
import { CohortCertificateRow, CohortCertificates } from './cohort-certificates.service';
import { CertificateView, CohortCertificatesQuery, CredentialQuery, ResolveReviewDto, RevokeCertificateDto } from './dto/certificate.dto';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly cohortCertificates: CohortCertificates,
    private readonly pdf: CertificatePdf,
    private readonly config: AppConfig,
  ) {}

  @Get('me/certificates')
  @Authenticated()
  @ApiOperation({ summary: 'My certificates, newest first' })
  async mine(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<CertificateView>> {
    const page = await this.certificates.mine(principal, query);
    return { items: page.items.map((c) => this.view(c)), nextCursor: page.nextCursor };
  }

  @Get('certificates/:id')
  @Authenticated()
  @ApiOperation({ summary: 'A certificate (its trainee, admins)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<CertificateView> {
    return this.view(await this.certificates.forHolderOrAdmin(principal, id));
  }

  @Get('certificates/:id/credential')
  @Public()
  @ApiOperation({ summary: 'The signed Open Badges 3.0 credential (VC-JWT): its trainee, admins, or anyone with ?code=' })
  async credential(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParam()) id: string, @Query() query: CredentialQuery) {
    const certificate = await this.certificates.credential(principal, id, query.code);
    return {
      certificateId: certificate.id,
      format: 'vc+jwt',
      kid: certificate.signingKid,
      jwt: certificate.credentialJwt,
      credential: decodeJwt(certificate.credentialJwt).vc,
      jwksUrl: `${this.config.PUBLIC_BASE_URL}/.well-known/jwks.json`,
    };
  }

  @Get('certificates/:id/pdf')
  @Authenticated()
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Printable certificate with a verification QR code (its trainee, admins)' })
  async printable(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const certificate = await this.certificates.forHolderOrAdmin(principal, id);
    const pdf = await this.pdf.render(certificate);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `inline; filename="certificate-${certificate.courseCode.replace(/[^A-Za-z0-9_-]/g, '')}.pdf"`);
    return pdf;
  }

  @Post('certificates/:id/revoke')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a certificate with a reason (audited; visible at once in verification)' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: RevokeCertificateDto): Promise<CertificateView> {
    return this.view(await this.certificates.revoke(principal, id, body.reason.trim()));
  }

  @Get('certificate-reviews')
  @Roles('admin')
  @ApiOperation({ summary: 'Certificates flagged for review: their holder fell below the criteria after issuance' })
  async reviews(@Query() query: PageQuery): Promise<Page<CertificateView>> {
    const page = await this.certificates.pendingReviews(query);
    return { items: page.items.map((c) => this.view(c)), nextCursor: page.nextCursor };
  }

  @Post('certificates/:id/review')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve a flagged certificate: keep it or revoke it' })
  async resolve(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: ResolveReviewDto): Promise<CertificateView> {
    return this.view(await this.certificates.resolveReview(principal, id, body.decision, body.reason?.trim()));
  }

  @Get('cohorts/:id/certificates')
  @Roles('admin', 'reviewer')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'Certificates of a cohort (?format=csv); reviewers get no names or trainee ids' })
  async ofCohort(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) cohortId: string,
    @Query() query: CohortCertificatesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<CohortCertificateRow> | string> {
    if (query.format !== 'csv') return this.cohortCertificates.page(principal, cohortId, query);
    const csv = await this.cohortCertificates.csv(principal, cohortId); // first: a 404 must not carry CSV headers
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="cohort-${cohortId}-certificates.csv"`);
    return csv;
  }

  private view(c: Parameters<typeof CertificateView.of>[0]): CertificateView {
    return CertificateView.of(c, this.config.PUBLIC_BASE_URL);
  }
}
