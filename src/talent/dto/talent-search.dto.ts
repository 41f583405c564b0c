import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '@gds/http';
import { AVAILABILITIES, Availability } from '../talent-profile.entity';

const TRACKS = ['cybersecurity', 'data-analysis', 'ui-ux-design', 'cloud-engineering'] as const;
const SKILL_CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

/** `a,b,c` (or repeated parameters) → a list. */
const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value);

export class SearchTalentQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TRACKS }) @IsOptional() @IsIn(TRACKS)
  track?: string;

  @ApiPropertyOptional({ description: 'Skill codes (comma-separated), every one of which a profile must evidence', example: 'CYB-SOC-01,CYB-SOC-02' })
  @IsOptional() @Transform(list) @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsString({ each: true }) @Matches(SKILL_CODE, { each: true, message: 'skillsAll holds skill codes such as CYB-SOC-01' })
  skillsAll?: string[];

  @ApiPropertyOptional({ description: 'Skill codes (comma-separated), at least one of which a profile must evidence; results rank by how many match' })
  @IsOptional() @Transform(list) @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsString({ each: true }) @Matches(SKILL_CODE, { each: true, message: 'skillsAny holds skill codes such as CYB-SOC-01' })
  skillsAny?: string[];

  @ApiPropertyOptional({ description: 'A course code the trainee holds a certificate of' })
  @IsOptional() @IsString() @Length(1, 40)
  certification?: string;

  @ApiPropertyOptional({ enum: AVAILABILITIES, isArray: true, description: 'Comma-separated' })
  @IsOptional() @Transform(list) @IsArray() @ArrayUnique() @IsIn(AVAILABILITIES, { each: true })
  availability?: Availability[];
}

export class TalentSearchItemView {
  @ApiProperty({ format: 'uuid' }) traineeId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() trackCode: string;
  @ApiProperty({ enum: AVAILABILITIES }) availability: Availability;
  @ApiProperty({ type: String, isArray: true }) preferredRoles: string[];
  @ApiProperty({ type: String, isArray: true, description: 'Skills the profile evidences' }) skillCodes: string[];
  @ApiProperty({ type: String, isArray: true }) certifiedCourseCodes: string[];
  @ApiProperty({ type: 'integer', description: 'How many of the skills asked for (all of and any of) the profile evidences; results are ranked by it' }) skillMatch: number;
}
