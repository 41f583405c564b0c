import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ReportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional() @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';

  @ApiPropertyOptional({ description: 'Suppress cells under k; at least REPORT_MIN_CELL_SIZE', minimum: 2, maximum: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2) @Max(100)
  k?: number;
}
