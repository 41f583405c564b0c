import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PLACEMENT_KINDS, PLACEMENT_SOURCES, PlacementKind, PlacementSource } from '../placements/placement.entity';


export class CreatePlacementDto {
  @ApiPropertyOptional({ description: 'The trainee; trainees reporting their own placement may leave it out' })
  @IsOptional() @IsUUID()
  traineeId?: string;

  @ApiProperty({ enum: PLACEMENT_KINDS }) @IsIn(PLACEMENT_KINDS)
  kind: PlacementKind;

  @ApiProperty({ example: 'SOC analyst' }) @IsString() @Length(1, 200)
  role: string;

  @ApiProperty({ example: 'Acme BPO' }) @IsString() @Length(1, 200)
  employer: string;

  @ApiProperty({ example: '2026-09-01', description: 'YYYY-MM-DD' }) @IsDateString({ strict: true }) @Length(10, 10)
  startsOn: string;

  @ApiProperty({ enum: PLACEMENT_SOURCES, description: 'Trainees may only self-report' }) @IsIn(PLACEMENT_SOURCES)
  source: PlacementSource;
}

export class UpdatePlacementDto extends PartialType(CreatePlacementDto) {}

export class FollowUpDto {
  @ApiProperty() @IsBoolean()
  stillInRole: boolean;

  @ApiProperty({ example: '2026-12-01' }) @IsDateString({ strict: true }) @Length(10, 10)
  checkedOn: string;

  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000)
  note?: string;
}

export class FollowUpView {
  @ApiProperty({ enum: [3, 6] }) month: 3 | 6;
  @ApiProperty() stillInRole: boolean;
  @ApiProperty({ format: 'date' }) checkedOn: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class PlacementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ format: 'uuid' }) traineeId: string;
  @ApiProperty({ enum: PLACEMENT_KINDS }) kind: PlacementKind;
  @ApiProperty() role: string;
  @ApiProperty() employer: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ enum: PLACEMENT_SOURCES }) source: PlacementSource;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who recorded it: for an employer-confirmed placement from the talent pipeline, the employer user who confirmed the hire' })
  recordedBy: string | null;
  @ApiProperty({ type: FollowUpView, isArray: true }) followUps: FollowUpView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

