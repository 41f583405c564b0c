import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsJWT, IsOptional, MaxLength } from 'class-validator';

export class SubmissionPreviewLinkView {
  @ApiProperty({ description: 'The preview page (path on this origin) with its signed ?access= token, to put in an <iframe sandbox>' }) url: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class SubmissionPreviewQuery {
  @ApiPropertyOptional({ description: 'The token of a signed preview link' })
  @IsOptional() @MaxLength(2000) @IsJWT()
  access?: string;
}
