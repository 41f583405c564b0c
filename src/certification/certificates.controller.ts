import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { acceptQuality, ApiBinary, ApiContent, ApiPage, ApiProblems, ApiText, PageOf, Authenticated, CurrentPrincipal, hasRole, Page, PageQuery, Principal, Public, Roles, UuidParam } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { Certificate } from './certificate.entity';
import { CertificatesService } from './certificates.service';
import { CertificatePdf } from './certificate-pdf.service';
import { presentCertificate } from './certificate-presentation';
import { CohortCertificateRow, CohortCertificates } from './cohort-certificates.service';
import { CredentialDocuments } from './credential-documents.service';
import { jwksUrl, keyUrl } from './credential-urls';
import { CertificateView, CohortCertificateRowView, CohortCertificatesQuery, CredentialImageQuery, CredentialQuery, ResolveReviewDto, RevokeCertificateDto } from './dto/certificate.dto';
import { CredentialEnvelope } from './dto/verification.dto';
import { credentialOf, parseCompactJwt } from './presented-jwt';

const JWT_CLAIMS = ['iss', 'sub', 'jti', 'nbf', 'exp', 'iat', 'aud'];

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly cohortCertificates: CohortCertificates,
    private readonly pdf: CertificatePdf,
    private readonly documents: CredentialDocuments,
    private readonly config: AppConfig,
  ) {}

  @Get('me/certificates')
  @Authenticated()
  @ApiPage(CertificateView)
  @ApiProblems(400)
  @ApiOperation({ summary: 'My certificates, newest first, with names, status and share links' })
  async mine(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<CertificateView>> {
    const page = await this.certificates.mine(principal, query);
    return { items: page.items.map((c) => this.view(c)), nextCursor: page.nextCursor };
  }

  @Get('certificates/:id')
  @Authenticated()
  @ApiOkResponse({ type: CertificateView })
  @ApiProblems(404)
  @ApiOperation({ summary: 'A certificate (its trainee, admins; admins also see the revocation note)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<CertificateView> {
    return this.viewFor(principal, await this.certificates.forHolderOrAdmin(principal, id));
  }

  @Get('certificates/:id/credential')
  @Public()
  @ApiContent(200, { 'application/json': CredentialEnvelope, 'application/vc+jwt': 'text', 'text/plain': 'text' }, 'JSON envelope; the bare VC-JWT for Accept: application/vc+jwt or text/plain, or ?format=jwt (a download)')
  @ApiProblems(400, 404)
  @ApiOperation({ summary: 'The signed Open Badges 3.0 credential (VC-JWT): its trainee, admins, or anyone with ?code=' })
  async credential(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParam()) id: string,
    @Query() query: CredentialQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CredentialEnvelope | string> {
    const certificate = await this.certificates.credential(principal, id, query.code);
    reply.header('vary', 'Accept');
    const bare = bareJwtType(accept, query.format);
    if (!bare) return this.envelope(certificate);
    reply.header('content-type', bare === 'text/plain' ? 'text/plain; charset=utf-8' : 'application/vc+jwt');
    if (query.format === 'jwt') reply.header('content-disposition', `attachment; filename="${safeName(certificate.courseCode)}-credential.jwt"`);
    return certificate.credentialJwt;
  }

  @Get('certificates/:id/image')
  @Public()
  @ApiText('image/svg+xml', 'The badge (SVG) with the credential baked in')
  @ApiProblems(400, 404)
  @ApiOperation({ summary: 'The holder\'s badge image with the signed credential baked in (OB 3.0 baking): its trainee, admins, or anyone with ?code=' })
  async image(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParam()) id: string,
    @Query() query: CredentialImageQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const certificate = await this.certificates.credential(principal, id, query.code);
    reply.header('content-type', 'image/svg+xml; charset=utf-8');
    reply.header('content-disposition', `inline; filename="${safeName(certificate.courseCode)}-badge.svg"`);
    return this.documents.bakedImage(certificate);
  }

  @Get('certificates/:id/pdf')
  @Authenticated()
  @ApiBinary('application/pdf', 'The printable certificate')
  @ApiProblems(404)
  @ApiOperation({ summary: 'Printable certificate with a verification QR code, marked REVOKED once revoked (its trainee, admins)' })
  async printable(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const certificate = await this.certificates.forHolderOrAdmin(principal, id);
    const pdf = await this.pdf.render(certificate);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `inline; filename="certificate-${safeName(certificate.courseCode)}.pdf"`);
    return pdf;
  }

  @Post('certificates/:id/revoke')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CertificateView })
  @ApiProblems(409)
  @ApiOperation({ summary: 'Revoke a certificate with a reason code (published) and an optional note (audit trail only)' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: RevokeCertificateDto): Promise<CertificateView> {
    const certificate = await this.certificates.revoke(principal, id, body.reasonCode, body.note?.trim() ?? null);
    return this.viewFor(principal, certificate);
  }

  @Get('certificate-reviews')
  @Roles('admin')
  @ApiPage(CertificateView)
  @ApiProblems(400)
  @ApiOperation({ summary: 'Certificates flagged for review: their holder fell below the criteria after issuance' })
  async reviews(@Query() query: PageQuery): Promise<Page<CertificateView>> {
    const page = await this.certificates.pendingReviews(query);
    return { items: page.items.map((c) => this.view(c)), nextCursor: page.nextCursor };
  }

  @Post('certificates/:id/review')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CertificateView })
  @ApiProblems(409)
  @ApiOperation({ summary: 'Resolve a flagged certificate: keep it, or revoke it (reasonCode, default criteria-no-longer-met)' })
  async resolve(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: ResolveReviewDto): Promise<CertificateView> {
    const certificate = await this.certificates.resolveReview(principal, id, { decision: body.decision, reasonCode: body.reasonCode, note: body.note?.trim() });
    return this.viewFor(principal, certificate);
  }

  @Get('cohorts/:id/certificates')
  @Roles('admin', 'reviewer')
  @ApiOperation({ summary: 'Certificates of a cohort (?format=csv); reviewers get no names or trainee ids' })
  @ApiContent(200, { 'application/json': PageOf(CohortCertificateRowView), 'text/csv': 'text' }, 'A page; all of them as CSV with ?format=csv')
  @ApiProblems(400)
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

  private envelope(c: Certificate): CredentialEnvelope {
    const payload = parseCompactJwt(c.credentialJwt)?.payload ?? {};
    const credential = Object.fromEntries(Object.entries(credentialOf(payload)).filter(([k]) => !JWT_CLAIMS.includes(k)));
    const base = this.config.PUBLIC_BASE_URL;
    return { certificateId: c.id, format: 'vc+jwt', kid: c.signingKid, keyUrl: keyUrl(base, c.signingKid), jwt: c.credentialJwt, credential, jwksUrl: jwksUrl(base) };
  }

  private view(c: Certificate, adminNote?: string | null): CertificateView {
    return CertificateView.of(c, presentCertificate(c, this.config.PUBLIC_BASE_URL, this.config.CERT_ISSUER_NAME), adminNote);
  }

  /** Admins also see the revocation note from the audit trail; the holder never does. */
  private async viewFor(principal: Principal, c: Certificate): Promise<CertificateView> {
    if (!hasRole(principal, 'admin')) return this.view(c);
    return this.view(c, c.revokedAt ? await this.certificates.revocationNote(c.id) : null);
  }
}

/** The bare VC-JWT's media type when asked for (format=jwt, or Accept ranking it above JSON), else null. */
function bareJwtType(accept: string | undefined, format: 'json' | 'jwt' | undefined): 'application/vc+jwt' | 'text/plain' | null {
  if (format === 'jwt') return 'application/vc+jwt';
  if (format === 'json') return null;
  const json = acceptQuality(accept, 'application/json');
  const vcJwt = acceptQuality(accept, 'application/vc+jwt');
  const text = acceptQuality(accept, 'text/plain');
  if (vcJwt > 0 && vcJwt >= text && vcJwt > json) return 'application/vc+jwt';
  if (text > 0 && text > json) return 'text/plain';
  return null;
}

const safeName = (code: string) => code.replace(/[^A-Za-z0-9_-]/g, '');
