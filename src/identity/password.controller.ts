import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, CurrentPrincipal, Principal } from '@gds/http';
import { AccountPasswords } from './account-passwords.service';
import { ChangePasswordDto, PasswordChangedView } from './dto/password.dto';

@ApiTags('me')
@Controller('me/password')
export class PasswordController {
  constructor(private readonly passwords: AccountPasswords) {}

  @Post()
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Change own password (the current one required; 403 wrong-current-password); every other session ends' })
  @ApiOkResponse({ type: PasswordChangedView })
  @ApiProblems(400, 403, 429)
  change(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<PasswordChangedView> {
    return this.passwords.change(principal.userId, principal.sessionId, body.currentPassword, body.newPassword);
  }
}
