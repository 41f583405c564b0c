import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { NOTIFICATION_TYPES } from '@gds/queue';
import { PageQuery } from '@gds/http';
import { MAX_WEBHOOK_URL_LENGTH } from '../webhook-target-policy';

export class CreateWebhookDto {
  @ApiProperty({ description: 'http(s) URL; private, loopback and link-local targets are refused', maxLength: MAX_WEBHOOK_URL_LENGTH })
  @IsString() @Length(1, MAX_WEBHOOK_URL_LENGTH)
  url: string;

  @ApiProperty({ enum: NOTIFICATION_TYPES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(NOTIFICATION_TYPES.length) @ArrayUnique() @IsIn(NOTIFICATION_TYPES, { each: true })
  eventTypes: string[];

  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500)
  description?: string;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ maxLength: MAX_WEBHOOK_URL_LENGTH }) @IsOptional() @IsString() @Length(1, MAX_WEBHOOK_URL_LENGTH)
  url?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_TYPES, isArray: true })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(NOTIFICATION_TYPES.length) @ArrayUnique() @IsIn(NOTIFICATION_TYPES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ description: 'Re-enabling resets the consecutive failure count' }) @IsOptional() @IsBoolean()
  enabled?: boolean;
}

export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: NOTIFICATION_TYPES, isArray: true }) eventTypes: string[];
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: 'integer' }) consecutiveFailures: number;
  @ApiProperty({ nullable: true, type: String }) disabledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({ description: 'The signing secret, shown only in this answer' }) secret: string;
}

export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() eventKey: string;
  @ApiProperty() type: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'cancelled'] }) status: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WebhookDeliveryPageView {
  @ApiProperty({ type: [WebhookDeliveryView] }) items: WebhookDeliveryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class WebhookListQuery extends PageQuery {}

export class WebhookTestSendView {
  @ApiProperty({ format: 'uuid', description: "The delivery's id in the webhook's delivery log" }) id: string;
  @ApiProperty({ format: 'uuid' }) webhookId: string;
  @ApiProperty() eventKey: string;
  @ApiProperty({ enum: ['webhook-test'] }) type: string;
  @ApiProperty({ enum: ['pending'] }) status: string;
  @ApiProperty({ description: 'The delivery log, where the outcome appears' }) url: string;
}
