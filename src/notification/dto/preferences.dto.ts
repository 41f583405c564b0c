import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, ValidateNested } from 'class-validator';
import { NOTIFICATION_TYPES } from '@gds/queue';
import { CHANNELS, Channel } from '../notification-delivery.entity';
import { PREFERENCE_MODES, PreferenceMode } from '../notification-preference.entity';

export class PreferenceChangeDto {
  @ApiProperty({ enum: NOTIFICATION_TYPES }) @IsString() @Length(1, 60) @IsIn(NOTIFICATION_TYPES, { message: 'type must be a known notification type' })
  type: string;

  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ enum: PREFERENCE_MODES, description: '`digest` batches email into a periodic digest (email only)' }) @IsIn(PREFERENCE_MODES)
  mode: PreferenceMode;
}

export class UpdatePreferencesDto {
  @ApiProperty({ type: [PreferenceChangeDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => PreferenceChangeDto)
  preferences: PreferenceChangeDto[];
}

export class TypePreferencesView {
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: string;
  @ApiProperty({ enum: ['off', 'immediate'] }) inApp: PreferenceMode;
  @ApiProperty({ enum: PREFERENCE_MODES }) email: PreferenceMode;
}

export class PreferencesView {
  @ApiProperty({ type: [TypePreferencesView] }) items: TypePreferencesView[];
}
