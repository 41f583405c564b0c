import { ApiProperty } from '@nestjs/swagger';

/** An employer a profile may name: an organisation admins keep on the controlled list. */
export class ProfileEmployerOptionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/**
 * The values the profile's category fields accept now, for choosing from a list instead of typing
 * (free text is refused). Either field also takes "other".
 */
export class ProfileOptionsView {
  @ApiProperty({ type: [String], description: 'PROFILE_DISTRICTS, in their configured order' }) districts: string[];
  @ApiProperty({ type: [ProfileEmployerOptionView], description: 'Organisations not retired, by name' }) employers: ProfileEmployerOptionView[];
  @ApiProperty({ enum: ['other'], description: 'The value of a district or employer outside the lists' }) other: 'other';
}
