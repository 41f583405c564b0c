import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CACHE, CachePolicy, ProblemException, Public } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { CredentialCheck, CredentialChecker } from './credential-check.service';
import { PresentedCredentialDto } from './dto/certificate.dto';
import { CertificateVerification, VerificationView } from './certificate-verification.service';
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
  @ApiOperation({ summary: 'Check a presented credential JWT: signature, key and current status; answers valid or why not' })
  checkCredential(@Body() body: PresentedCredentialDto): Promise<CredentialCheck> {
    return this.checker.check(body.credential, this.config.PUBLIC_BASE_URL);
  }

  @Get('verify/:code')
  @Public()
  @UseGuards(VerifyThrottlerGuard)
  @ApiProduces('application/json', 'text/html')
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
  @ApiOperation({ summary: 'Every key that verifies certificate credentials (current and retired)' })
  jwks() {
    return this.keys.jwks();
  }

  @Get('revocation-lists/:id')
  @Public()
  @UseGuards(VerifyThrottlerGuard)
  @ApiOperation({ summary: 'The 1EdTech revocation list of certificate credentials' })
  async revocationList(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    reply.header('cache-control', CACHE.publicRevalidated);
    return this.verification.revocationList(id);
  }
}

/** HTML when the client ranks text/html above JSON (browsers); JSON otherwise. */
function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const quality = (type: string) => {
    const entry = accept
      .split(',')
      .map((part) => part.trim().split(';'))
      .find(([media]) => media.trim() === type);
    if (!entry) return -1;
    const q = entry.slice(1).map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q ? Number(q.slice(2)) : 1;
  };
  return quality('text/html') > Math.max(quality('application/json'), -1) && quality('text/html') > 0;
}
