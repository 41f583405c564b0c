import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { AVAILABILITIES, Availability } from '../talent-profile.entity';

/** What the trainee writes on their profile; saving it lists them (opt-in). */
export class ListMeDto {
  @ApiProperty({ maxLength: 1000, description: 'A short statement employers read' })
  @IsString() @MaxLength(1000)
  statement: string;

  @ApiProperty({ enum: AVAILABILITIES })
  @IsIn(AVAILABILITIES)
  availability: Availability;

  @ApiProperty({ type: String, isArray: true, maxItems: 5, description: 'Roles the trainee wants (free text, 1–80 characters each)' })
  @IsArray() @ArrayMaxSize(5) @ArrayUnique() @IsString({ each: true }) @Length(1, 80, { each: true }) @Matches(/\S/, { each: true, message: 'each preferred role must not be blank' })
  preferredRoles: string[];
}

export class CertificateOnProfileView {
  @ApiProperty({ format: 'uuid' }) certificateId: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() courseCode: string;
  @ApiProperty() trackCode: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ description: 'The public page where anyone checks the certificate is valid' }) verificationUrl: string;
}

export class SkillEvidenceItemView {
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty() assessmentTitle: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) passedAt: string | null;
}

export class SkillOnProfileView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: SkillEvidenceItemView, isArray: true, description: 'The passed assessments that prove it' }) evidence: SkillEvidenceItemView[];
}

export class ContactView {
  @ApiProperty() email: string;
}

/** A talent profile as an employer sees it: never demographics or scores; contact details only after the trainee accepted this organisation's request. */
export class TalentProfileView {
  @ApiProperty({ format: 'uuid' }) traineeId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() trackCode: string;
  @ApiProperty() trackName: string;
  @ApiProperty() statement: string;
  @ApiProperty({ enum: AVAILABILITIES }) availability: Availability;
  @ApiProperty({ type: String, isArray: true }) preferredRoles: string[];
  @ApiProperty({ type: CertificateOnProfileView, isArray: true }) certificates: CertificateOnProfileView[];
  @ApiProperty({ type: SkillOnProfileView, isArray: true }) skills: SkillOnProfileView[];
  @ApiProperty({ type: ContactView, nullable: true, description: "Shared only with an organisation whose interview request the trainee accepted" }) contact: ContactView | null;
}

/** The trainee's own profile: what employers see, and whether it is listed. */
export class MyTalentProfileView extends TalentProfileView {
  @ApiProperty({ description: 'Employers find and read the profile only while listed' }) listed: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) listedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: string | null;
}

export class ProfileViewerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ format: 'date-time' }) viewedAt: string;
}
