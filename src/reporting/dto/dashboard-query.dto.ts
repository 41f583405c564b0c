import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsJWT, IsOptional, MaxLength } from 'class-validator';

export class DashboardQuery {
  @ApiPropertyOptional({ description: 'The token of a signed dashboard link' })
  @IsOptional() @MaxLength(2000) @IsJWT()
  access?: string;
}
