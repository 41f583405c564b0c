import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiText, CACHE, CachePolicy, Public } from '@gds/http';
import { CredentialDocuments } from './credential-documents.service';
import { ISSUER_SLUG } from './credential-urls';
import { AchievementDocument, IssuerProfileDocument } from './dto/verification.dto';

/** Public documents signed into credentials: anyone (and any origin, see http-app.ts) may read them. */
@ApiTags('verification')
@Controller()
export class CredentialDocumentsController {
  constructor(private readonly documents: CredentialDocuments) {}

  @Get(`issuers/${ISSUER_SLUG}`)
  @Public()
  @CachePolicy(CACHE.publicFor(300))
  @ApiOkResponse({ type: IssuerProfileDocument })
  @ApiOperation({ summary: 'The issuer\'s Open Badges 3.0 Profile (the issuer id of every credential)' })
  issuer(): IssuerProfileDocument {
    return this.documents.issuerProfile();
  }

  @Get('achievements/:id')
  @Public()
  @CachePolicy(CACHE.publicFor(3600))
  @ApiOkResponse({ type: AchievementDocument })
  @ApiOperation({ summary: 'The Open Badges 3.0 Achievement of a published course version: name, description, criteria, image, skill alignments' })
  achievement(@Param('id') id: string): Promise<AchievementDocument> {
    return this.documents.achievement(id);
  }

  @Get('achievements/:id/image')
  @Public()
  @ApiText('image/svg+xml', 'The badge image (SVG)')
  @ApiOperation({ summary: 'The badge image of an achievement (SVG)' })
  async image(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const svg = await this.documents.achievementImage(id);
    reply.header('content-type', 'image/svg+xml; charset=utf-8');
    reply.header('cache-control', 'public, max-age=3600');
    return svg;
  }
}
