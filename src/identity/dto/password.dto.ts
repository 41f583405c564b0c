import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { IsAcceptablePassword } from './password.validator';

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 128 }) @IsString() @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ minLength: 8, maxLength: 128, description: '8-128 characters, not a commonly used password' }) @IsAcceptablePassword()
  newPassword: string;
}

export class PasswordChangedView {
  @ApiProperty({ description: 'Other sessions (other browsers, devices, partner tokens) ended by the change; this one goes on' })
  otherSessionsEnded: number;
}

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'maria@example.ph' }) @IsEmail() @MaxLength(254)
  email: string;
}

export class PasswordResetRequestedView {
  @ApiProperty({
    enum: ['accepted'],
    description: 'The same answer whether or not an account uses the address; if one does, an email with a link (valid 30 minutes, once) is on its way',
  })
  status: 'accepted';
}

export class CompletePasswordResetDto {
  @ApiProperty({ maxLength: 200, description: 'The token from the emailed link (the fragment #token=… of /app/reset-password)' }) @IsString() @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 8, maxLength: 128, description: '8-128 characters, not a commonly used password' }) @IsAcceptablePassword()
  password: string;
}

export class PasswordResetDoneView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ description: 'The account’s email, to fill in the sign-in form; every session of the account has ended' }) email: string;
}
