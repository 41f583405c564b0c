import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '@gds/http';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class InboxItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() type: string;
  @ApiProperty() eventKey: string;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String }) readAt: string | null;
}

export class InboxPageView {
  @ApiProperty({ type: [InboxItemView] }) items: InboxItemView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class UnreadCountView {
  @ApiProperty({ type: 'integer' }) unread: number;
}

export class MarkedReadView {
  @ApiProperty({ description: 'How many notifications were unread and are now read' }) marked: number;
}
