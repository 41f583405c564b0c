import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@gds/http';
import { ProfileCategories } from './profile-categories.service';
import { ProfileOptionsView } from './dto/profile-options.dto';

@ApiTags('me')
@Controller('me/profile-options')
export class ProfileOptionsController {
  constructor(private readonly categories: ProfileCategories) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The districts and employers a profile may choose from (anything else is refused)' })
  @ApiOkResponse({ type: ProfileOptionsView })
  async options(): Promise<ProfileOptionsView> {
    return this.categories.options();
  }
}
