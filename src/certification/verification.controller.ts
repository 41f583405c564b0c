import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiContent, ApiProblems, CACHE, CachePolicy, notFound, prefersHtml, ProblemException, ProblemView, Public } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { CredentialCheck, CredentialChecker } from './credential-check.service';
import { PresentedCredentialDto } from './dto/certificate.dto';
import { CredentialCheckView, JwkDocument, JwksDocument, RevocationListDocument, VerificationView } from './dto/verification.dto';
import { CertificateVerification } from './certificate-verification.service';
import { keyUrl } from './credential-urls';
import { SigningKeys } from './signing-keys.service';
import { renderUnknownCodePage, renderVerificationPage } from './verification-page';
import { VerifyThrottlerGuard } from './verify-throttler.guard';

/** Public, no account needed: verification by code, the issuer's keys and the revocation list. */
@ApiTags('verification')
@Controller()
export class VerificationController {
  constructor(
    private readonly verification: CertificateVerification,
    private readonly keys: SigningKeys,
    private readonly checker: CredentialChecker,
    private readonly config: AppConfig,
  ) {}

  @Post('verify/credentials')
  @Public()
  @HttpCode(200)
  @UseGuards(VerifyThrottlerGuard)
  @ApiOkResponse({ type: CredentialCheckView })
  @ApiProblems(429)
  @ApiOperation({ summary: 'Check a presented credential JWT: algorithm, issuer, key, signature, claims, validity period and current status; answers valid or why not' })
  checkCredential(@Body() body: PresentedCredentialDto): Promise<CredentialCheck> {
    return this.checker.check(body.credential);
  }

  @Get('verify/:code')
  @Public()
  @UseGuards(VerifyThrottlerGuard)
  @ApiContent(200, { 'application/json': VerificationView, 'text/html': 'text' }, 'JSON, or the HTML page when the client prefers text/html')
  @ApiContent(404, { 'application/problem+json': ProblemView, 'text/html': 'text' }, 'No certificate has this code (a page for a client that prefers text/html)')
  @ApiProblems(429)
  @ApiOperation({ summary: 'Verify a certificate by its code: JSON or an HTML page (Accept); rate limited' })
  async verify(@Param('code') code: string, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<VerificationView | string> {
    reply.header('cache-control', 'no-store');
    reply.header('vary', 'Accept');
    if (!prefersHtml(accept)) return this.verification.verify(code);
    const view = await this.verification.verify(code).catch((error: unknown) => {
      if (error instanceof ProblemException && error.problemStatus === 404) return null;
      throw error;
    });
    reply.header('content-type', 'text/html; charset=utf-8');
    if (view) return renderVerificationPage(view);
    reply.status(404);
    return renderUnknownCodePage();
  }

  @Get('.well-known/jwks.json')
  @Public()
  @CachePolicy(CACHE.publicFor(300))
  @ApiOkResponse({ type: JwksDocument })
  @ApiOperation({ summary: 'Every key that verifies certificate credentials (current and retired), by key URL and by bare id' })
  jwks(): JwksDocument {
    return this.keys.jwks(this.config.PUBLIC_BASE_URL) as JwksDocument;
  }

  @Get('.well-known/jwks/:keyId')
  @Public()
  @CachePolicy(CACHE.publicFor(300))
  @ApiProduces('application/jwk+json')
  @ApiOkResponse({ type: JwkDocument })
  @ApiOperation({ summary: 'One public key as a JWK: what a credential\'s `kid` (this URL) dereferences to' })
  key(@Param('keyId') keyId: string, @Res({ passthrough: true }) reply: FastifyReply): JwkDocument {
    const key = this.keys.find(keyId);
    if (!key) throw notFound('Key');
    reply.header('content-type', 'application/jwk+json');
    return { ...key.publicJwk, kid: keyUrl(this.config.PUBLIC_BASE_URL, key.kid) } as JwkDocument;
  }

  @Get('revocation-lists/:id')
  @Public()
  @UseGuards(VerifyThrottlerGuard)
  @ApiOkResponse({ type: RevocationListDocument })
  @ApiProblems(429)
  @ApiOperation({ summary: 'The 1EdTech revocation list of certificate credentials (reason codes, never free text)' })
  async revocationList(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<RevocationListDocument> {
    reply.header('cache-control', CACHE.publicRevalidated);
    return this.verification.revocationList(id);
  }
}
