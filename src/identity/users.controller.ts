import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, CurrentPrincipal, Page, PageQuery, Principal, Roles, UuidParam } from '@gds/http';
import { UsersService } from './users.service';
import { ChangeRolesDto, CreatedUserView, CreateUserDto, DeactivateUserDto, InvitationSentView, ListUsersQuery, RoleChangeView, UserView } from './dto/user.dto';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user with roles; without a password the user is emailed an invitation to set one' })
  @ApiCreatedResponse({ type: CreatedUserView })
  @ApiProblems(400, 409, 422)
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateUserDto): Promise<CreatedUserView> {
    const { user, invitation } = await this.users.create(body, principal.userId);
    return { ...UserView.of(user), ...(invitation ? { invitationExpiresAt: invitation.expiresAt.toISOString() } : {}) };
  }

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'List users, by email; filter by role, text (q, any part of the e-mail or name) or one exact e-mail (email, case-insensitive)',
    description: 'Admins only. Problems: 400 bad filter (email not an e-mail address or over 254 characters, q over 100) or cursor.',
  })
  @ApiPage(UserView)
  @ApiProblems(400)
  async list(@Query() query: ListUsersQuery): Promise<Page<UserView>> {
    const page = await this.users.list(query);
    return { items: page.items.map(UserView.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserView })
  @ApiProblems(404)
  async get(@Param('id', UuidParam()) id: string): Promise<UserView> {
    return UserView.of(await this.users.get(id));
  }

  @Get(':id/role-changes')
  @Roles('admin')
  @ApiOperation({ summary: 'Audit trail of role changes and (de)activations, newest first, a page at a time' })
  @ApiPage(RoleChangeView)
  @ApiProblems(400, 404)
  async roleChanges(@Param('id', UuidParam()) id: string, @Query() query: PageQuery): Promise<Page<RoleChangeView>> {
    const page = await this.users.roleHistory(id, query);
    return { items: page.items.map((c) => ({ ...c, changedAt: c.changedAt.toISOString() })), nextCursor: page.nextCursor };
  }

  @Patch(':id/roles')
  @Roles('admin')
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 404, 422)
  async changeRoles(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: ChangeRolesDto): Promise<UserView> {
    return UserView.of(await this.users.changeRoles(id, body.roles, principal.userId, body.reason, body.organisationId));
  }

  @Post(':id/invitations')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a new one-time invitation to set a password (e.g. imported trainees); earlier ones stop working' })
  @ApiAcceptedResponse({ type: InvitationSentView })
  @ApiProblems(404, 422)
  async reinvite(@Param('id', UuidParam()) id: string): Promise<InvitationSentView> {
    const invitation = await this.users.reinvite(id);
    return { userId: id, expiresAt: invitation.expiresAt.toISOString() };
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate: the user’s tokens stop working at once' })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 404, 422)
  async deactivate(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: DeactivateUserDto): Promise<UserView> {
    return UserView.of(await this.users.setActive(id, false, principal.userId, body.reason));
  }

  @Post(':id/reactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 404, 422)
  async reactivate(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: DeactivateUserDto): Promise<UserView> {
    return UserView.of(await this.users.setActive(id, true, principal.userId, body.reason));
  }
}
