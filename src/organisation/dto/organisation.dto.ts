import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '@gds/http';
import type { Organisation } from '../organisation.entity';

export class OrganisationNameDto {
  @ApiProperty({ example: 'Jaguar Contact Solutions', maxLength: 120 })
  @IsString() @Length(1, 120) @Matches(/\S/, { message: 'name must not be blank' })
  name: string;
}

export class ListOrganisationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Admins: include retired organisations' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  includeRetired?: boolean;
}

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was retired; retired organisations are offered no more' }) retiredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(o: Pick<Organisation, 'id' | 'name' | 'retiredAt' | 'createdAt'>): OrganisationView {
    return { id: o.id, name: o.name, retiredAt: o.retiredAt?.toISOString() ?? null, createdAt: o.createdAt.toISOString() };
  }
}
