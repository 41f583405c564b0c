import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, CurrentPrincipal, Principal } from '@gds/http';
import { NotificationPreferences } from './notification-preferences.service';
import { PreferencesView, UpdatePreferencesDto } from './dto/preferences.dto';

@ApiTags('notifications')
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferences) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Own notification preferences: every type with its in-app and email mode' })
  @ApiOkResponse({ type: PreferencesView })
  async get(@CurrentPrincipal() principal: Principal): Promise<PreferencesView> {
    return { items: await this.preferences.list(principal.userId) };
  }

  @Put()
  @Authenticated()
  @ApiOperation({ summary: 'Change modes of some types and channels; the rest keep theirs' })
  @ApiOkResponse({ type: PreferencesView })
  @ApiProblems(400)
  async put(@CurrentPrincipal() principal: Principal, @Body() body: UpdatePreferencesDto): Promise<PreferencesView> {
    return { items: await this.preferences.update(principal.userId, body.preferences) };
  }
}
