import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@gds/http';
import { PasswordResets } from './password-resets.service';
import { CompletePasswordResetDto, PasswordResetDoneView, PasswordResetRequestedView, RequestPasswordResetDto } from './dto/password.dto';

@ApiTags('auth')
@Controller('auth/password-resets')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResets) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for a password reset email; the same answer for any address (rate limited per address and per email: 429)' })
  @ApiAcceptedResponse({ type: PasswordResetRequestedView })
  @ApiProblems(400, 429)
  async request(@Ip() clientAddress: string, @Body() body: RequestPasswordResetDto): Promise<PasswordResetRequestedView> {
    await this.resets.request(body.email, clientAddress);
    return { status: 'accepted' };
  }

  @Post('complete')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with the emailed token (works once, 30 minutes); every session of the account ends' })
  @ApiOkResponse({ type: PasswordResetDoneView })
  @ApiProblems(400)
  complete(@Body() body: CompletePasswordResetDto): Promise<PasswordResetDoneView> {
    return this.resets.complete(body.token, body.password);
  }
}
