import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, CurrentPrincipal, Principal } from '@gds/http';
import { UserProfileRow, UsersService } from './users.service';
import { UpdateMeDto, UserView } from './dto/user.dto';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  /** The access check reads the profile in its own statement (the account's status and session with it, as on every request). */
  @Get()
  @Authenticated({ ownProfile: true })
  @ApiOperation({ summary: 'Own profile and roles' })
  @ApiOkResponse({ type: UserView })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    return UserView.of((principal.profile as UserProfileRow | undefined) ?? (await this.users.profile(principal.userId)));
  }

  @Patch()
  @Authenticated()
  @ApiOperation({ summary: 'Change own display name, language (en | es) and self-reported profile fields' })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400)
  async update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateMeDto): Promise<UserView> {
    return UserView.of(await this.users.updateProfile(principal.userId, body));
  }
}
