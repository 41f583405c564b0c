import { Body, Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, CurrentPrincipal, Principal } from '@gds/http';
import { CONSENT_PURPOSES } from './consent-purposes';
import { DemographicConsents } from './demographic-consents.service';
import { DemographicConsentView, GiveConsentDto } from './dto/consent.dto';

@ApiTags('me')
@Controller('me/demographic-consent')
export class DemographicConsentController {
  constructor(private readonly consents: DemographicConsents) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Why demographic fields are asked for (the purpose text in force) and your consent' })
  @ApiOkResponse({ type: DemographicConsentView })
  async get(@CurrentPrincipal() principal: Principal): Promise<DemographicConsentView> {
    return this.view(principal.userId);
  }

  @Put()
  @Authenticated()
  @ApiOperation({ summary: 'Consent to a version of the purpose text (an unknown version is 400)' })
  @ApiOkResponse({ type: DemographicConsentView })
  @ApiProblems(400)
  async give(@CurrentPrincipal() principal: Principal, @Body() body: GiveConsentDto): Promise<DemographicConsentView> {
    await this.consents.give(principal.userId, body.version);
    return this.view(principal.userId);
  }

  @Delete()
  @Authenticated()
  @ApiOperation({ summary: 'Withdraw consent: your demographic fields are deleted and left out of later reports' })
  @ApiOkResponse({ type: DemographicConsentView })
  async withdraw(@CurrentPrincipal() principal: Principal): Promise<DemographicConsentView> {
    await this.consents.withdraw(principal.userId);
    return this.view(principal.userId);
  }

  private async view(userId: string): Promise<DemographicConsentView> {
    const consent = await this.consents.current(userId);
    return { purpose: CONSENT_PURPOSES[CONSENT_PURPOSES.length - 1], consent: consent && { version: consent.version, givenAt: consent.givenAt.toISOString() } };
  }
}
