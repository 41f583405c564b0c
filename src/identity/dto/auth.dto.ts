import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { IsAcceptablePassword } from './password.validator';
import { Language, LANGUAGES } from '../languages';
import type { Session } from '../auth.service';

export class RegisterDto {
  @ApiProperty({ example: 'maria@example.ph' }) @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8, maxLength: 128 }) @IsAcceptablePassword()
  password: string;

  @ApiProperty({ example: 'Maria Santos' }) @IsString() @Length(1, 120)
  displayName: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of emails and the web app (default en)' })
  @ValidateIf((o: RegisterDto) => o.language !== undefined) @IsIn(LANGUAGES)
  language?: Language;
}

export class LoginDto {
  @ApiProperty() @IsString() @MaxLength(254)
  email: string;

  @ApiProperty() @IsString() @MaxLength(128)
  password: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MaxLength(200)
  refreshToken: string;
}

export class AcceptInvitationDto {
  @ApiProperty() @IsString() @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 8, maxLength: 128 }) @IsAcceptablePassword()
  password: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';

  static of(session: Session): TokenPairDto {
    return { accessToken: session.accessToken, refreshToken: session.refreshToken, expiresIn: session.expiresIn, tokenType: 'Bearer' };
  }
}
