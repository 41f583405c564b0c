import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiNoContent, ApiProblems, Authenticated, CurrentPrincipal, Principal, Public } from '@gds/http';
import { AuthService } from './auth.service';
import { UsersService } from './users.service';
import { AcceptInvitationDto, LoginDto, RefreshDto, RegisterDto, TokenPairDto } from './dto/auth.dto';
import { UserView } from './dto/user.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Create a trainee account' })
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems(400, 409)
  async register(@Body() body: RegisterDto): Promise<UserView> {
    return UserView.of(await this.auth.register(body));
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Exchange email and password for tokens (rate limited)' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 429)
  async login(@Body() body: LoginDto): Promise<TokenPairDto> {
    return TokenPairDto.of(await this.auth.login(body.email, body.password));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token; the old one stops working' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401)
  async refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return TokenPairDto.of(await this.auth.refresh(body.refreshToken));
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session: the refresh token family stops working' })
  @ApiNoContent()
  @ApiProblems(400)
  async logout(@CurrentPrincipal() principal: Principal, @Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(principal.userId, body.refreshToken);
  }

  @Post('invitations/accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Set the password of an invited account' })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 422)
  async acceptInvitation(@Body() body: AcceptInvitationDto): Promise<UserView> {
    return UserView.of(await this.users.acceptInvitation(body.token, body.password));
  }
}
