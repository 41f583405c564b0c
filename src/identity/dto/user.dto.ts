import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '@gds/http';
import { DEFAULT_TIME_ZONE, IsTimeZone } from '@gds/time';
import { ROLES, Role } from '../roles';
import { GENDERS, Gender, User } from '../user.entity';
import { Language, LANGUAGES } from '../languages';
import { IsAcceptablePassword } from './password.validator';

/** Self-reported profile fields, used only in aggregate (disaggregated outcome reports). */
export class ProfileFieldsDto {
  @ApiPropertyOptional({ enum: GENDERS }) @IsOptional() @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({ minimum: 1920, maximum: 2015 }) @IsOptional() @IsInt() @Min(1920) @Max(2015)
  birthYear?: number;

  @ApiPropertyOptional({ maxLength: 80, description: 'One of PROFILE_DISTRICTS, or "other"' }) @IsOptional() @IsString() @Length(1, 80)
  district?: string;

  @ApiPropertyOptional({ maxLength: 120, description: 'The id of a listed organisation (GET /api/v1/organisations), or "other"' }) @IsOptional() @IsString() @Length(1, 120)
  employer?: string;

  @ApiPropertyOptional({ description: 'The purpose text version consented to (GET /api/v1/me/demographic-consent); needed to give gender, birthYear, district or employer without a consent in force' })
  @IsOptional() @IsInt() @Min(1) @Max(1000)
  consentVersion?: number;
}

export class UpdateMeDto extends ProfileFieldsDto {
  // Not @IsOptional(): that would let null through, and a display name cannot be cleared (null
  // clears the profile fields above, which are nullable).
  @ApiPropertyOptional() @ValidateIf((o: UpdateMeDto) => o.displayName !== undefined) @IsString() @Length(1, 120)
  displayName?: string;

  // Same reason: a language cannot be cleared.
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of emails and the web app' })
  @ValidateIf((o: UpdateMeDto) => o.language !== undefined) @IsIn(LANGUAGES)
  language?: Language;

  // Nor can a time zone be cleared.
  @ApiPropertyOptional({ example: DEFAULT_TIME_ZONE, maxLength: 64, description: 'IANA time zone your dates are shown and counted in (due tomorrow, digests)' })
  @ValidateIf((o: UpdateMeDto) => o.timeZone !== undefined) @IsTimeZone()
  timeZone?: string;
}

export class CreateUserDto extends ProfileFieldsDto {
  @ApiProperty() @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty() @IsString() @Length(1, 120)
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @ArrayUnique() @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The organisation an employer user acts for: required with the employer role, refused without it' })
  @IsOptional() @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ description: 'Omit to email the user an invitation to set a password instead' })
  @IsOptional() @IsAcceptablePassword()
  password?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of emails (the invitation too) and the web app; default en' })
  @ValidateIf((o: CreateUserDto) => o.language !== undefined) @IsIn(LANGUAGES)
  language?: Language;
}

export class ChangeRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @ArrayUnique() @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'With the employer role: the organisation the user acts for (kept from before when omitted)' })
  @IsOptional() @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500)
  reason?: string;
}

export class DeactivateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500)
  reason?: string;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Matches email or display name' }) @IsOptional() @IsString() @Length(1, 100)
  q?: string;

  // Staff screens that take an e-mail (enrol a trainee) need the one account, not every partial match of q.
  @ApiPropertyOptional({ format: 'email', maxLength: 254, description: 'Exactly this e-mail, case-insensitive (surrounding spaces ignored): at most one user. 400 when not an e-mail address' })
  @IsOptional() @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)) @MaxLength(254) @IsEmail()
  email?: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ example: DEFAULT_TIME_ZONE, description: 'IANA time zone' }) timeZone: string;
  @ApiProperty({ enum: GENDERS, nullable: true }) gender: Gender | null;
  @ApiProperty({ type: 'integer', nullable: true }) birthYear: number | null;
  @ApiProperty({ type: String, nullable: true }) district: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'An organisation id, or "other"' }) employer: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Employer users only: the organisation they act for' }) organisationId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(user: Pick<User, 'id' | 'email' | 'displayName' | 'roles' | 'active' | 'language' | 'timeZone' | 'gender' | 'birthYear' | 'district' | 'employer' | 'organisationId' | 'createdAt'>): UserView {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      active: user.active,
      language: user.language,
      timeZone: user.timeZone,
      gender: user.gender,
      birthYear: user.birthYear,
      district: user.district,
      employer: user.employer,
      organisationId: user.organisationId ?? null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

export class CreatedUserView extends UserView {
  @ApiPropertyOptional({ format: 'date-time', description: 'Present when no password was given: an invitation to set one is emailed to the user, valid until then' })
  invitationExpiresAt?: string;
}

/** One entry of a user's audit trail. */
export class RoleChangeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null when the system made the change (first admin bootstrap)' }) actorId: string | null;
  @ApiProperty({ enum: ['create', 'roles', 'deactivate', 'reactivate'] }) action: 'create' | 'roles' | 'deactivate' | 'reactivate';
  @ApiProperty({ type: String, isArray: true }) rolesBefore: string[];
  @ApiProperty({ type: String, isArray: true }) rolesAfter: string[];
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}

/** An invitation on its way by email (its token is never answered: only the account's owner gets it). */
export class InvitationSentView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'date-time', description: 'The emailed link works once, until then; earlier invitations stopped working' }) expiresAt: string;
}
