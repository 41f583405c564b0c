import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class GiveConsentDto {
  @ApiProperty({ description: 'The version of the purpose text consented to' }) @IsInt() @Min(1) @Max(1000)
  version: number;
}

export class ConsentPurposeView {
  @ApiProperty() version: number;
  @ApiProperty() text: string;
}

export class ConsentRecordView {
  @ApiProperty() version: number;
  @ApiProperty() givenAt: string;
}

export class DemographicConsentView {
  @ApiProperty({ type: ConsentPurposeView, description: 'The purpose text in force' }) purpose: ConsentPurposeView;
  @ApiPropertyOptional({ type: ConsentRecordView, nullable: true, description: 'Your consent in force, if any' }) consent: ConsentRecordView | null;
}
